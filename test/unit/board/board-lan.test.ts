// The LAN switch as the Board page uses it: generated credentials kept across restarts, the broker asked to open
// and close its LAN door, this computer's addresses, and the board's config.h and connect lines.
import { afterEach, describe, expect, it } from 'vitest';
import { createBoard, STUDENT_ID, type BoardHarness } from './support/board-harness';

let harness: BoardHarness | undefined;
afterEach(async () => {
  await harness?.dispose();
  harness = undefined;
});

describe('LAN mode', () => {
  it('is off by default and lists the LAN addresses, not loopback', async () => {
    harness = await createBoard();
    const lan = harness.service.getState().lan;
    expect(lan).toMatchObject({ enabled: false, state: 'off', port: null, username: 'mqttlab-board' });
    expect(lan.password).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(lan.addresses).toEqual([{ interfaceName: 'wlan0', address: '192.168.1.20', family: 'IPv4' }]);
    expect(harness.lan.calls).toEqual([]);
  });

  it('switches on with the generated credentials and off again', async () => {
    harness = await createBoard();
    const on = await harness.service.setLanBroker(true);
    expect(harness.lan.calls[0]).toEqual({ port: 1883, username: on.username, password: on.password, students: [] });
    expect(on).toMatchObject({ enabled: true, state: 'on', port: 1884 });
    const off = await harness.service.setLanBroker(false);
    expect(harness.lan.calls.at(-1)).toBeNull();
    expect(off).toMatchObject({ enabled: false, state: 'off', port: null });
  });

  it('keeps the password and the port that worked across a restart of the lab, and renews the password on request', async () => {
    harness = await createBoard();
    const dataDir = harness.dataDir;
    const first = await harness.service.setLanBroker(true);
    await harness.service.dispose();
    harness = await createBoard({ dataDir });
    expect(harness.service.getState().lan.password).toBe(first.password);
    await harness.service.setLanBroker(true);
    expect(harness.lan.calls[0]?.port).toBe(1884);
    const renewed = await harness.service.renewLanPassword();
    expect(renewed.password).not.toBe(first.password);
    expect(harness.lan.calls.at(-1)?.password).toBe(renewed.password);
  });

  it("writes the lesson's config.h for this broker and the PubSubClient connect line", async () => {
    harness = await createBoard();
    const before = await harness.service.getConfig(undefined);
    expect(before.warnings.join(' ')).toContain('switch on "Open the built-in broker to my network"');
    expect(before.warningTexts).toEqual([{ key: 'board.configWarnings.lanOff' }]);
    const lan = await harness.service.setLanBroker(true);
    const config = await harness.service.getConfig(undefined);
    expect(config).toMatchObject({ brokerAddress: '192.168.1.20', port: 1884, warnings: [], warningTexts: [] });
    expect(config.configH).toContain(`const string ID = "${STUDENT_ID}";`);
    expect(config.configH).toContain('const string BROKER = "192.168.1.20";');
    expect(config.configH).toContain('const int BROKER_PORT = 1884;');
    expect(config.configH).toContain(`const char *MQTT_PASSWORD = "${lan.password}";`);
    expect(config.configH).toContain('const string CLIENT_TELEMETRY_TOPIC = ID + "/telemetry";');
    expect(config.connectLines).toContain('client.setServer(BROKER.c_str(), BROKER_PORT);');
    expect(config.connectLines).toContain('client.connect(CLIENT_NAME.c_str(), MQTT_USERNAME, MQTT_PASSWORD)');
    expect((await harness.service.getConfig('10.0.0.7')).configH).toContain('const string BROKER = "10.0.0.7";');
    await expect(harness.service.getConfig('x"; evil')).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'address' });
  });
});
