// Python (paho-mqtt) versions of the lesson's device and server for the current settings. The code runs on
// paho-mqtt 1.6 (the lesson's) and 2.x (which needs CallbackAPIVersion). Pure text generation.
import { COUNTERFIT_LED_PIN, COUNTERFIT_LIGHT_SENSOR_PIN, NIGHTLIGHT_DEFAULT_THRESHOLD } from '../../../../src-shared/contract/nightlight';
import { nameExpressions, PASSWORD_PLACEHOLDER, py, serverNames, type BrokerAddress, type CodeContext } from './code-context';

function clientLines(broker: BrokerAddress): string[] {
  const isWs = broker.transport === 'ws' || broker.transport === 'wss';
  const transport = isWs ? ", transport='websockets'" : '';
  const lines = [
    'try:',
    '    # paho-mqtt 2.x needs to be told which callback style the code uses',
    `    mqtt_client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=client_name${transport})`,
    'except AttributeError:',
    '    # paho-mqtt 1.x (the version in the lesson) has no CallbackAPIVersion',
    `    mqtt_client = mqtt.Client(client_id=client_name${transport})`,
  ];
  if (isWs) lines.push(`mqtt_client.ws_set_options(path=${py(broker.path || '/mqtt')})`);
  if (broker.transport === 'mqtts' || broker.transport === 'wss') {
    const ca = broker.caFile ? `ca_certs=${py(broker.caFile)}` : '';
    if (broker.verifyCertificate) lines.push(`mqtt_client.tls_set(${ca})`);
    else lines.push(`mqtt_client.tls_set(${ca ? `${ca}, ` : ''}cert_reqs=ssl.CERT_NONE)`, 'mqtt_client.tls_insecure_set(True)  # certificate checks are off in this profile');
  }
  if (broker.username) lines.push(`mqtt_client.username_pw_set(${py(broker.username)}, ${py(PASSWORD_PLACEHOLDER)})`);
  return lines;
}

function needsSsl(broker: BrokerAddress): boolean {
  return (broker.transport === 'mqtts' || broker.transport === 'wss') && !broker.verifyCertificate;
}

function counterfitLines(port: number): string[] {
  return [
    'from counterfit_connection import CounterFitConnection',
    `CounterFitConnection.init('127.0.0.1', ${port})`,
    '',
    'from counterfit_shims_grove.grove_light_sensor_v1_2 import GroveLightSensor',
    'from counterfit_shims_grove.grove_led import GroveLed',
    '',
    `light_sensor = GroveLightSensor(${COUNTERFIT_LIGHT_SENSOR_PIN})`,
    `led = GroveLed(${COUNTERFIT_LED_PIN})`,
  ];
}

const LOCAL_RULE = [
  '    light = light_sensor.light',
  "    print('Light level:', light)",
  '',
  `    if light < ${NIGHTLIGHT_DEFAULT_THRESHOLD}:`,
  '        led.on()',
  '    else:',
  '        led.off()',
  '',
  '    time.sleep(1)',
];

function commandHandler(subscribeEveryConnect: boolean, qos: number): string[] {
  const lines = [
    'def handle_command(client, userdata, message):',
    '    try:',
    '        payload = json.loads(message.payload.decode())',
    "        led_on = payload['led_on']",
    '    except (ValueError, KeyError, TypeError) as error:',
    "        # The lesson's code would crash here; this one reports the bad message and keeps going.",
    "        print('Ignored a message that is not a command:', error)",
    '        return',
    '    print("Message received:", payload)',
    '',
    '    if led_on:',
    '        led.on()',
    '    else:',
    '        led.off()',
    '',
  ];
  if (subscribeEveryConnect) {
    lines.push(
      'def on_connect(client, userdata, flags, *rest):',
      '    # Subscribe on every connect, so commands still arrive after an automatic reconnect.',
      `    client.subscribe(server_command_topic, qos=${qos})`,
      '',
      'mqtt_client.on_connect = on_connect',
    );
  }
  lines.push('mqtt_client.on_message = handle_command');
  return lines;
}

export function pythonDevice(context: CodeContext): string {
  const { device, deviceBroker: broker, counterfitPort } = context;
  const stage = device.firmwareStage;
  const names = nameExpressions(device.studentId, device, 'device', py);
  const lines = ['import time', ...(needsSsl(broker) ? ['import ssl'] : []), ''];
  lines.push(...counterfitLines(counterfitPort), '');
  if (stage === 'local-only') return [...lines, 'while True:', ...LOCAL_RULE, ''].join('\n');
  lines.splice(1, 0, 'import json');
  lines.push('import paho.mqtt.client as mqtt', '', `id = ${py(device.studentId)}`, '');
  if (stage !== 'connected') lines.push(`client_telemetry_topic = ${names.telemetryTopic}`);
  if (stage === 'telemetry+commands') lines.push(`server_command_topic = ${names.commandTopic}`);
  lines.push(`client_name = ${names.clientName}`, '', ...clientLines(broker), '');
  const everyConnect = stage === 'telemetry+commands' && device.resubscribeOnReconnect;
  if (stage === 'telemetry+commands') lines.push(...commandHandler(everyConnect, device.qos), '');
  lines.push(`mqtt_client.connect(${py(broker.host)}, ${broker.port})`, 'mqtt_client.loop_start()', '', 'print("MQTT connected!")', '');
  if (stage === 'telemetry+commands' && !everyConnect) {
    lines.push("# Subscribed once, like the lesson: after an automatic reconnect no more commands arrive.", `mqtt_client.subscribe(server_command_topic, qos=${device.qos})`, '');
  }
  if (stage === 'connected') return [...lines, 'while True:', ...LOCAL_RULE, ''].join('\n');
  lines.push(
    'while True:',
    '    light = light_sensor.light',
    "    telemetry = json.dumps({'light' : light})",
    '',
    '    print("Sending telemetry ", telemetry)',
    '',
    `    mqtt_client.publish(client_telemetry_topic, telemetry, qos=${device.qos}, retain=${device.retain ? 'True' : 'False'})`,
    '',
    `    time.sleep(${secondsText(device.telemetryIntervalMs)})`,
    '',
  );
  return lines.join('\n');
}

function secondsText(milliseconds: number): string {
  return String(milliseconds / 1000);
}

function decisionLines(context: CodeContext): string[] {
  const { threshold, hysteresis, multiDevice } = context.server;
  const device = multiDevice ? "message.topic.split('/')[0]" : 'id';
  const lines = multiDevice ? [`    device = ${device}`, "    command_topic = device + '/commands'"] : [];
  if (hysteresis > 0) {
    const key = multiDevice ? 'device' : 'id';
    lines.push(
      `    # Off margin (hysteresis): once on, the LED goes off only at ${threshold} + ${hysteresis}, so a flickering level does not blink it.`,
      `    limit = ${threshold + hysteresis} if led_states.get(${key}) else ${threshold}`,
      "    command = { 'led_on' : light < limit }",
      `    led_states[${key}] = command['led_on']`,
    );
  } else {
    lines.push(`    command = { 'led_on' : light < ${threshold} }`);
  }
  return lines;
}

export function pythonServer(context: CodeContext): string {
  const { server, serverBroker: broker } = context;
  const names = nameExpressions(server.studentId, serverNames(server), 'server', py);
  const telemetryTopic = server.multiDevice ? py('+/telemetry') : names.telemetryTopic;
  const commandTopic = server.multiDevice ? 'command_topic' : 'server_command_topic';
  return [
    'import json',
    ...(needsSsl(broker) ? ['import ssl'] : []),
    'import time',
    '',
    'import paho.mqtt.client as mqtt',
    '',
    `id = ${py(server.studentId)}`,
    '',
    `client_telemetry_topic = ${telemetryTopic}${server.multiDevice ? '  # every device: <device>/telemetry' : ''}`,
    ...(server.multiDevice ? [] : [`server_command_topic = ${names.commandTopic}`]),
    `client_name = ${names.clientName}`,
    '',
    ...clientLines(broker),
    '',
    ...(server.hysteresis > 0 ? ['led_states = {}', ''] : []),
    'def on_connect(client, userdata, flags, *rest):',
    "    # Subscribe on every connect (the lesson's code subscribes once and goes deaf after a reconnect).",
    `    client.subscribe(client_telemetry_topic, qos=${server.qos})`,
    '',
    'def handle_telemetry(client, userdata, message):',
    '    try:',
    '        payload = json.loads(message.payload.decode())',
    "        light = payload['light']",
    '        if isinstance(light, bool) or not isinstance(light, (int, float)):',
    "            raise TypeError('\"light\" is not a number')",
    '        if not 0 <= light <= 1023:',
    "            raise ValueError('\"light\" is outside 0..1023')",
    '    except (ValueError, KeyError, TypeError) as error:',
    "        # The lesson's code would crash here; this one reports the bad message and keeps listening.",
    "        print('Ignored a message that is not telemetry:', error)",
    '        return',
    '    print("Message received:", payload)',
    '',
    ...decisionLines(context),
    '    print("Sending message:", command)',
    '',
    `    client.publish(${commandTopic}, json.dumps(command), qos=${server.qos})`,
    '',
    'mqtt_client.on_connect = on_connect',
    'mqtt_client.on_message = handle_telemetry',
    `mqtt_client.connect(${py(broker.host)}, ${broker.port})`,
    '',
    'mqtt_client.loop_start()',
    '',
    'while True:',
    '    time.sleep(2)',
    '',
  ].join('\n');
}
