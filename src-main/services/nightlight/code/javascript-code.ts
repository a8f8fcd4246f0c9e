// JavaScript (Node.js + mqtt.js) versions of the nightlight device and server for the current settings. The device
// reads the light and drives the LED through the CounterFit address with fetch. Pure text generation.
import { COUNTERFIT_LED_PIN, COUNTERFIT_LIGHT_SENSOR_PIN, NIGHTLIGHT_DEFAULT_THRESHOLD } from '../../../../src-shared/contract/nightlight';
import { js, nameExpressions, PASSWORD_PLACEHOLDER, serverNames, type BrokerAddress, type CodeContext } from './code-context';

function brokerUrl(broker: BrokerAddress): string {
  const path = broker.transport === 'ws' || broker.transport === 'wss' ? broker.path || '/mqtt' : '';
  return `${broker.transport}://${broker.host}:${broker.port}${path}`;
}

function connectLines(broker: BrokerAddress, clean: boolean): string[] {
  const options = ['clientId: clientName', `clean: ${clean}`];
  if (broker.username) options.push(`username: ${js(broker.username)}`, `password: ${js(PASSWORD_PLACEHOLDER)}`);
  if (broker.caFile) options.push(`ca: readFileSync(${js(broker.caFile)})`);
  if (!broker.verifyCertificate && (broker.transport === 'mqtts' || broker.transport === 'wss')) options.push('rejectUnauthorized: false');
  return [`const client = mqtt.connect(${js(brokerUrl(broker))}, { ${options.join(', ')} });`];
}

function header(broker: BrokerAddress, file: string): string[] {
  return [
    `// npm install mqtt   then:   node ${file}`,
    "import mqtt from 'mqtt';",
    ...(broker.caFile ? ["import { readFileSync } from 'node:fs';"] : []),
    '',
  ];
}

const PARSE_JSON = [
  '  let payload;',
  '  try {',
  '    payload = JSON.parse(message.toString());',
  '  } catch {',
  "    console.log('Ignored a message that is not JSON:', message.toString());",
  '    return;',
  '  }',
];

export function javascriptDevice(context: CodeContext): string {
  const { device, deviceBroker: broker, counterfitPort } = context;
  const names = nameExpressions(device.studentId, device, 'device', js);
  const stage = device.firmwareStage;
  const lines = [
    ...header(broker, 'app.mjs'),
    `const counterfit = 'http://127.0.0.1:${counterfitPort}';`,
    `const id = ${js(device.studentId)};`,
    `const clientTelemetryTopic = ${names.telemetryTopic};`,
    `const serverCommandTopic = ${names.commandTopic};`,
    `const clientName = ${names.clientName};`,
    '',
    'async function readLight() {',
    `  const response = await fetch(\`\${counterfit}/sensor_value?port=${COUNTERFIT_LIGHT_SENSOR_PIN}\`);`,
    '  return (await response.json()).value;',
    '}',
    '',
    'async function setLed(on) {',
    `  await fetch(\`\${counterfit}/actuator_value?port=${COUNTERFIT_LED_PIN}\`, {`,
    "    method: 'POST',",
    "    headers: { 'content-type': 'application/json' },",
    '    body: JSON.stringify({ value: on }),',
    '  });',
    '}',
    '',
    "await fetch(`${counterfit}/connect`, { method: 'POST' });",
  ];
  if (stage === 'local-only') {
    lines.push('', 'setInterval(async () => {', '  const light = await readLight();', "  console.log('Light level:', light);", `  await setLed(light < ${NIGHTLIGHT_DEFAULT_THRESHOLD});`, '}, 1000);', '');
    return lines.join('\n');
  }
  lines.push(...connectLines(broker, !device.storeAndForward), '', "client.on('connect', () => {", "  console.log('MQTT connected!');");
  if (stage === 'telemetry+commands') lines.push('  // mqtt.js subscribes again by itself after an automatic reconnect.', `  client.subscribe(serverCommandTopic, { qos: ${device.qos} });`);
  lines.push('});', "client.on('error', (error) => console.log('MQTT error:', error.message));", '');
  if (stage === 'telemetry+commands') {
    lines.push("client.on('message', (topic, message) => {", ...PARSE_JSON, "  console.log('Message received:', payload);", "  if (typeof payload?.led_on === 'boolean') setLed(payload.led_on);", '});', '');
  }
  if (stage === 'connected') {
    lines.push('setInterval(async () => {', '  const light = await readLight();', "  console.log('Light level:', light);", `  await setLed(light < ${NIGHTLIGHT_DEFAULT_THRESHOLD});`, '}, 1000);', '');
    return lines.join('\n');
  }
  lines.push(
    'setInterval(async () => {',
    '  const telemetry = JSON.stringify({ light: await readLight() });',
    "  console.log('Sending telemetry', telemetry);",
    `  client.publish(clientTelemetryTopic, telemetry, { qos: ${device.qos}, retain: ${device.retain} });`,
    `}, ${device.telemetryIntervalMs});`,
    '',
  );
  return lines.join('\n');
}

export function javascriptServer(context: CodeContext): string {
  const { server, serverBroker: broker } = context;
  const names = nameExpressions(server.studentId, serverNames(server), 'server', js);
  const { threshold, hysteresis, multiDevice, qos } = server;
  const decision =
    hysteresis > 0
      ? [`  const limit = ledStates.get(device) ? ${threshold + hysteresis} : ${threshold};`, '  const command = { led_on: light < limit };', '  ledStates.set(device, command.led_on);']
      : [`  const command = { led_on: light < ${threshold} };`];
  return [
    ...header(broker, 'server.mjs'),
    `const id = ${js(server.studentId)};`,
    `const clientTelemetryTopic = ${multiDevice ? js('+/telemetry') : names.telemetryTopic};`,
    `const clientName = ${names.clientName};`,
    ...(hysteresis > 0 ? ['const ledStates = new Map();'] : []),
    '',
    ...connectLines(broker, true),
    '',
    "client.on('connect', () => client.subscribe(clientTelemetryTopic, { qos: " + String(qos) + ' }));',
    "client.on('error', (error) => console.log('MQTT error:', error.message));",
    '',
    "client.on('message', (topic, message) => {",
    ...PARSE_JSON,
    '  const light = payload?.light;',
    "  if (typeof light !== 'number' || light < 0 || light > 1023) {",
    "    console.log('Ignored a message without a light level from 0 to 1023:', message.toString());",
    '    return;',
    '  }',
    "  console.log('Message received:', payload);",
    `  const device = ${multiDevice ? "topic.split('/')[0]" : 'id'};`,
    ...decision,
    "  console.log('Sending message:', command);",
    `  client.publish(\`\${device}/commands\`, JSON.stringify(command), { qos: ${qos} });`,
    '});',
    '',
  ].join('\n');
}
