// "Show me the code" for the current settings: the lesson's names, the broker's real address, the CounterFit port,
// code that works on paho-mqtt 1.x and 2.x, and no real password ever.
import { describe, expect, it } from 'vitest';
import type { CodeContext } from '../../../src-main/services/nightlight/code/code-context';
import { generateCode } from '../../../src-main/services/nightlight/code/generate-code';
import { defaultDeviceSettings, defaultServerSettings } from '../../../src-main/services/nightlight/nightlight-settings';

function context(overrides: Partial<CodeContext> = {}): CodeContext {
  const broker = { host: '127.0.0.1', port: 41883, transport: 'mqtt' as const, path: '/mqtt', username: '', caFile: '', verifyCertificate: true, tcpFallbackPort: 41883 };
  return {
    device: defaultDeviceSettings('lab-abc123'),
    server: defaultServerSettings('lab-abc123'),
    deviceBroker: broker,
    serverBroker: broker,
    counterfitPort: 5001,
    ...overrides,
  };
}

describe('generated code', () => {
  it('Python device: the lesson\'s program with this lab\'s addresses, for paho-mqtt 1.x and 2.x', () => {
    const { text, fileName } = generateCode('python', 'device', context());
    expect(fileName).toBe('app.py');
    expect(text).toContain("CounterFitConnection.init('127.0.0.1', 5001)");
    expect(text).toContain("id = 'lab-abc123'");
    expect(text).toContain("client_name = id + 'nightlight_client'");
    expect(text).toContain('mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=client_name)');
    expect(text).toContain('except AttributeError:');
    expect(text).toContain("mqtt_client.connect('127.0.0.1', 41883)");
    expect(text).toContain('print("Sending telemetry ", telemetry)');
    expect(text).toContain('time.sleep(5)');
    // Re-subscribe on reconnect is on by default: the subscription lives in on_connect.
    expect(text).toContain('def on_connect(client, userdata, flags, *rest):');
  });

  it('Python device follows the firmware stage and the re-subscribe toggle', () => {
    const local = generateCode('python', 'device', context({ device: { ...defaultDeviceSettings('lab-abc123'), firmwareStage: 'local-only' } })).text;
    expect(local).not.toContain('paho');
    expect(local).toContain('if light < 300:');
    const once = generateCode('python', 'device', context({ device: { ...defaultDeviceSettings('lab-abc123'), resubscribeOnReconnect: false } })).text;
    expect(once).not.toContain('on_connect');
    expect(once).toContain('mqtt_client.subscribe(server_command_topic, qos=0)');
  });

  it('Python server: subscribes on every connect, survives bad payloads, uses the threshold and multi-device mode', () => {
    const single = generateCode('python', 'server', context()).text;
    expect(single).toContain('client.subscribe(client_telemetry_topic, qos=0)');
    expect(single).toContain("command = { 'led_on' : light < 300 }");
    expect(single).toContain('except (ValueError, KeyError, TypeError) as error:');
    const multi = generateCode('python', 'server', context({ server: { ...defaultServerSettings('lab-abc123'), multiDevice: true, threshold: 250, hysteresis: 20 } })).text;
    expect(multi).toContain("client_telemetry_topic = '+/telemetry'");
    expect(multi).toContain("command_topic = device + '/commands'");
    expect(multi).toContain('limit = 270 if led_states.get(device) else 250');
  });

  it('JavaScript uses mqtt.js and the CounterFit address', () => {
    const device = generateCode('javascript', 'device', context()).text;
    expect(device).toContain("import mqtt from 'mqtt';");
    expect(device).toContain("const counterfit = 'http://127.0.0.1:5001';");
    expect(device).toContain('mqtt.connect("mqtt://127.0.0.1:41883"');
    const server = generateCode('javascript', 'server', context()).text;
    expect(server).toContain('const command = { led_on: light < 300 };');
  });

  it('Arduino is the Wio Terminal device, and refuses to be the server', () => {
    const device = generateCode('arduino', 'device', context({ device: { ...defaultDeviceSettings('lab-abc123'), consoleStyle: 'wio', telemetryIntervalMs: 2000 } })).text;
    expect(device).toContain('#include <PubSubClient.h>');
    expect(device).toContain('Serial.print("Sending telemetry ");');
    expect(device).toContain('client.subscribe(SERVER_COMMAND_TOPIC.c_str());');
    expect(device).toContain('delay(2000);');
    expect(() => generateCode('arduino', 'server', context())).toThrow(/runs the device, not the server/);
  });

  it('mosquitto commands quote topics and never show a password', () => {
    const broker = { host: 'school.example', port: 1883, transport: 'mqtt' as const, path: '/mqtt', username: 'class7', caFile: '', verifyCertificate: true, tcpFallbackPort: null };
    const text = generateCode('mosquitto', 'server', context({ serverBroker: broker })).text;
    expect(text).toContain("mosquitto_sub -h 'school.example' -p 1883 -u 'class7' -P 'YOUR-PASSWORD' -i 'lab-abc123nightlight_server' -t 'lab-abc123/telemetry' -q 0 -v");
    expect(text).toContain(`-t 'lab-abc123/commands' -q 0 -m '{"led_on": true}'`);
  });

  it('uses the plain port for mosquitto tools when the profile is WebSocket', () => {
    const broker = { host: '127.0.0.1', port: 49001, transport: 'ws' as const, path: '/mqtt', username: '', caFile: '', verifyCertificate: true, tcpFallbackPort: 41883 };
    const text = generateCode('mosquitto', 'device', context({ deviceBroker: broker })).text;
    expect(text).toContain('cannot use WebSocket');
    expect(text).toContain('-p 41883');
  });
});
