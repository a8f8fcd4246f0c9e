// mosquitto_pub / mosquitto_sub commands that play the nightlight device or server by hand, for the current
// settings. The mosquitto clients speak plain MQTT and TLS but not WebSocket. Pure text generation.
import { PASSWORD_PLACEHOLDER, sh, type BrokerAddress, type CodeContext } from './code-context';

function brokerArgs(broker: BrokerAddress): { args: string; note: string[] } {
  const isWs = broker.transport === 'ws' || broker.transport === 'wss';
  const tls = broker.transport === 'mqtts' || broker.transport === 'wss';
  const note = isWs ? ['# mosquitto_pub and mosquitto_sub cannot use WebSocket, so these use the plain MQTT port.'] : [];
  const port = isWs ? (broker.tcpFallbackPort ?? (tls ? 8883 : 1883)) : broker.port;
  const parts = [`-h ${sh(broker.host)}`, `-p ${port}`];
  if (tls && !isWs) parts.push(broker.caFile ? `--cafile ${sh(broker.caFile)}` : '--capath /etc/ssl/certs');
  if (tls && !isWs && !broker.verifyCertificate) parts.push('--insecure');
  if (broker.username) parts.push(`-u ${sh(broker.username)} -P ${sh(PASSWORD_PLACEHOLDER)}`);
  return { args: parts.join(' '), note };
}

export function mosquittoDevice(context: CodeContext): string {
  const { device, deviceBroker } = context;
  const { args, note } = brokerArgs(deviceBroker);
  const retain = device.retain ? ' -r' : '';
  return [
    '# Play the nightlight device by hand.',
    ...note,
    '# 1. In one terminal, listen for the commands the server sends (as the device does):',
    `mosquitto_sub ${args} -i ${sh(device.clientId)} -t ${sh(device.commandTopic)} -q ${device.qos} -v`,
    '',
    '# 2. In another terminal, send light readings (the device sends one every',
    `#    ${device.telemetryIntervalMs / 1000} seconds). Dark (LED should go on), then bright (LED off):`,
    `mosquitto_pub ${args} -t ${sh(device.telemetryTopic)} -q ${device.qos}${retain} -m ${sh('{"light": 0}')}`,
    `mosquitto_pub ${args} -t ${sh(device.telemetryTopic)} -q ${device.qos}${retain} -m ${sh('{"light": 400}')}`,
    '# (mosquitto_pub gets its own random client id: two clients with the same id knock each other off.)',
    '',
  ].join('\n');
}

export function mosquittoServer(context: CodeContext): string {
  const { server, serverBroker } = context;
  const { args, note } = brokerArgs(serverBroker);
  const filter = server.multiDevice ? '+/telemetry' : `${server.studentId}/telemetry`;
  const commands = `${server.studentId}/commands`;
  return [
    '# Play the server by hand: you read the light and decide.',
    ...note,
    '# 1. In one terminal, watch the telemetry:',
    `mosquitto_sub ${args} -i ${sh(server.clientId)} -t ${sh(filter)} -q ${server.qos} -v`,
    '',
    `# 2. When a light level is below ${server.threshold}, switch the LED on; otherwise off:`,
    `mosquitto_pub ${args} -t ${sh(commands)} -q ${server.qos} -m ${sh('{"led_on": true}')}`,
    `mosquitto_pub ${args} -t ${sh(commands)} -q ${server.qos} -m ${sh('{"led_on": false}')}`,
    ...(server.multiDevice ? ['# In multi-device mode, answer each device on its own "<device>/commands" topic.'] : []),
    '',
  ].join('\n');
}
