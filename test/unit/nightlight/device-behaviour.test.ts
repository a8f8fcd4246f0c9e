// What a student does to the virtual device: firmware stages, network cut, power, the re-subscribe toggle,
// hardware-only mode, and that the page's events stay at about 20 a second however fast things change.
import type { MqttClient } from 'mqtt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBroker, type TestBroker } from '../../support/test-broker';
import { sleep } from '../mqtt/service-harness';
import { createNightlight, rawClient, STUDENT_ID, waitFor, waitForLine, type NightlightHarness } from './nightlight-harness';

const COMMANDS = `${STUDENT_ID}/commands`;

describe('virtual device', () => {
  let broker: TestBroker;
  let lab: NightlightHarness;
  let peer: MqttClient | undefined;

  beforeEach(async () => {
    broker = await startTestBroker();
    lab = await createNightlight(broker.port);
    peer = undefined;
  });
  afterEach(async () => {
    await peer?.endAsync(true);
    await lab.dispose();
    await broker.close();
  });

  const connected = () => lab.service.snapshot().device.connection?.state === 'connected' || undefined;

  it('runs the local rule without MQTT in the local-only stage', async () => {
    await lab.service.updateDevice({ firmwareStage: 'local-only' });
    lab.service.setLight(120);
    await lab.service.start();
    await waitForLine(lab, 'device', 'Light level: 120');
    await waitFor(() => lab.service.snapshot().device.led.on || undefined, 'the local rule to switch the LED on');
    expect(lab.service.snapshot().device.ledLog.at(-1)).toMatchObject({ source: 'local-rule', detail: 'light 120 < 300' });
    expect(lab.service.snapshot().device.ledLog.at(-1)?.detailText).toEqual({ key: 'nightlight.ledSwitches.darkRule', params: { light: 120, threshold: 300 } });
    lab.service.setLight(300);
    await waitFor(() => !lab.service.snapshot().device.led.on || undefined, 'the local rule to switch the LED off at 300');
    expect(lab.service.snapshot().device.ledLog.at(-1)).toMatchObject({ source: 'local-rule', detail: 'light 300 ≥ 300' });
    expect(lab.service.snapshot().device.ledLog.at(-1)?.detailText?.key).toBe('nightlight.ledSwitches.brightRule');
    expect(lab.service.snapshot().device.connection).toBeNull();
  });

  it('cuts the network and reconnects when it is restored', async () => {
    await lab.service.start();
    await waitFor(connected, 'the device to connect');
    const cut = lab.service.setNetwork(false);
    expect(cut.networkUp).toBe(false);
    await waitFor(() => !connected() || undefined, 'the connection to drop');
    await sleep(2500);
    expect(connected()).toBeUndefined();
    lab.service.setNetwork(true);
    await waitFor(connected, 'the device to reconnect', 10_000);
  });

  it('powers off without a goodbye and starts its program again on power on', async () => {
    await lab.service.start();
    await waitFor(connected, 'the device to connect');
    peer = await rawClient(broker.port);
    await peer.publishAsync(COMMANDS, '{"led_on": true}');
    await waitFor(() => lab.service.snapshot().device.led.on || undefined, 'the LED on');
    const off = await lab.service.setPower(false);
    expect(off).toMatchObject({ powered: false, connection: null, led: { on: false, source: 'power' } });
    await lab.service.setPower(true);
    await waitFor(connected, 'the device to connect again');
    expect(lab.texts('device').filter((text) => text === 'MQTT connected!')).toHaveLength(2);
  });

  it('goes deaf after a reconnect when re-subscribe is off, like the lesson\'s code', async () => {
    await lab.service.updateDevice({ resubscribeOnReconnect: false, offlineCommandPolicy: 'keep-order' });
    await lab.service.start();
    await waitFor(() => lab.service.snapshot().device.listeningForCommands || undefined, 'the first subscription');
    lab.service.setNetwork(false);
    await waitFor(() => !connected() || undefined, 'the drop');
    lab.service.setNetwork(true);
    await waitFor(connected, 'the reconnect', 10_000);
    await waitForLine(lab, 'device', '[lab] Not subscribed again after the reconnect, like the lesson\'s code: commands no longer arrive. Turn on "re-subscribe on reconnect".');
    peer = await rawClient(broker.port);
    await peer.publishAsync(COMMANDS, '{"led_on": true}');
    await sleep(500);
    expect(lab.service.snapshot().device).toMatchObject({ listeningForCommands: false, led: { on: false } });
  });

  it('explains a bad command and keeps listening', async () => {
    await lab.service.updateDevice({ offlineCommandPolicy: 'keep-order' });
    await lab.service.start();
    await waitFor(() => lab.service.snapshot().device.listeningForCommands || undefined, 'the subscription');
    peer = await rawClient(broker.port);
    await peer.publishAsync(COMMANDS, 'on please');
    await peer.publishAsync(COMMANDS, '{"led_on": true, "colour": "red"}');
    await waitFor(() => lab.service.snapshot().device.led.on || undefined, 'the LED on after the good command');
    expect(lab.lines('device').find((line) => line.kind === 'error')?.text).toContain('"on please"');
    expect(lab.texts('device')).toContain("Message received: {'led_on': True, 'colour': 'red'}");
    expect(lab.texts('device')).toContain('[lab] Ignored extra field(s): colour. Only "led_on" counts.');
  });

  it('keeps its MQTT client off in hardware-only mode', async () => {
    await lab.service.start();
    await waitFor(connected, 'the device to connect');
    const state = await lab.service.updateDevice({ mode: 'hardware-only' });
    expect(state.connection).toBeNull();
    await sleep(300);
    expect(lab.service.snapshot().device.connection).toBeNull();
  });

  it('stays off when hardware-only is chosen while it was still connecting', async () => {
    await lab.service.start();
    await lab.service.resetDevice();
    await lab.service.updateDevice({ mode: 'hardware-only' });
    await sleep(800);
    expect(lab.service.snapshot().device.connection).toBeNull();
    // No server is running and the device is off, so nobody holds a connection to the broker.
    expect(broker.openConnections()).toBe(0);
  });

  it('refuses an unknown broker profile, naming the field', async () => {
    await expect(lab.service.updateDevice({ profileId: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'profileId' });
  });

  it('moves topics and client id that follow the ID when the ID changes', async () => {
    const state = await lab.service.updateDevice({ studentId: 'lab-other1', telemetryTopic: 'custom/telemetry' });
    expect(state.settings).toMatchObject({ clientId: 'lab-other1nightlight_client', commandTopic: 'lab-other1/commands', telemetryTopic: 'custom/telemetry' });
  });

  it('sends at most about 20 device events a second while random mode runs fast', async () => {
    await lab.service.start();
    lab.service.setRandom({ enabled: true, min: 0, max: 1023, periodMs: 100 });
    const before = lab.events.length;
    const started = Date.now();
    for (let step = 0; step < 200; step += 1) lab.service.setLight(step % 1024);
    await sleep(1000);
    const seconds = (Date.now() - started) / 1000;
    const deviceEvents = lab.events.slice(before).filter((event) => event.name === 'nightlight.deviceChanged').length;
    expect(deviceEvents).toBeGreaterThan(0);
    expect(deviceEvents / seconds).toBeLessThanOrEqual(22);
  });
});
