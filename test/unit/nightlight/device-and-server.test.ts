// The lab's virtual device and the lab's server on one broker: the lesson's round trip, its exact console lines,
// and the threshold at its boundary values (299 on, 300 off).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { events as eventSchemas, type EventName } from '../../../src-shared/contract/commands';
import { nightlightSnapshotSchema } from '../../../src-shared/contract/nightlight';
import { englishOf } from '../../../src-shared/i18n/lab-text';
import { startTestBroker, type TestBroker } from '../../support/test-broker';
import { createNightlight, STUDENT_ID, waitFor, waitForLine, type NightlightHarness } from './nightlight-harness';

describe('virtual device + lab server', () => {
  let broker: TestBroker;
  let lab: NightlightHarness;

  beforeEach(async () => {
    broker = await startTestBroker();
    lab = await createNightlight(broker.port);
    await lab.service.start();
    await lab.service.updateDevice({ telemetryIntervalMs: 200 });
    await lab.service.startServer();
    await waitFor(() => lab.service.snapshot().server.subscribedFilter, 'the server to subscribe');
    await waitFor(() => lab.service.snapshot().device.listeningForCommands, 'the device to subscribe');
  });

  afterEach(async () => {
    await lab.dispose();
    await broker.close();
  });

  it('prints the lesson\'s lines on both sides, exactly', async () => {
    lab.service.setLight(0);
    await waitForLine(lab, 'server', "Message received: {'light': 0}");
    await waitForLine(lab, 'server', "Sending message: {'led_on': True}");
    await waitForLine(lab, 'device', "Message received: {'led_on': True}");
    expect(lab.texts('device')).toContain('MQTT connected!');
    expect(lab.texts('device')).toContain('Sending telemetry  {"light": 0}');
  });

  it.each([
    [0, true],
    [299, true],
    [300, false],
    [400, false],
    [1023, false],
  ])('light %i switches the LED %s', async (light, on) => {
    // Start from the opposite state so the LED really has to switch.
    lab.service.setLight(on ? 1023 : 0);
    await waitFor(() => lab.service.snapshot().device.led.on === !on || undefined, 'the LED to start opposite');
    lab.service.setLight(light);
    await waitFor(() => lab.service.snapshot().device.led.on === on || undefined, `the LED to be ${on ? 'on' : 'off'} at ${light}`);
    const log = lab.service.snapshot().device.ledLog.at(-1);
    expect(log).toMatchObject({ on, source: 'command' });
    expect(log?.detail).toBe(`{"led_on": ${on}} on ${STUDENT_ID}/commands`);
    // The words around the payload and topic are a key, so the page says them in its language; the data stays as sent.
    expect(log?.detailText).toEqual({ key: 'nightlight.ledSwitches.command', params: { payload: `{"led_on": ${on}}`, topic: `${STUDENT_ID}/commands` } });
    expect(englishOf(log!.detailText!)).toBe(log?.detail);
    const point = lab.service.snapshot().history.at(-1);
    expect(point).toMatchObject({ deviceId: STUDENT_ID, light, ledOn: on });
  });

  it('uses the Wio Terminal\'s lines and compact JSON in Wio style', async () => {
    await lab.service.updateDevice({ consoleStyle: 'wio', telemetryIntervalMs: 200 });
    lab.service.setLight(652);
    await waitForLine(lab, 'device', 'Attempting MQTT connection...connected');
    await waitForLine(lab, 'device', 'Sending telemetry {"light":652}');
    await waitForLine(lab, 'device', 'Message received:{"led_on": false}');
    await waitForLine(lab, 'server', "Message received: {'light': 652}");
  });

  it('sends state and events that match the contract the page reads', async () => {
    lab.service.setLight(10);
    await waitForLine(lab, 'server', "Sending message: {'led_on': True}");
    expect(() => nightlightSnapshotSchema.parse(lab.service.snapshot())).not.toThrow();
    const expected: EventName[] = ['nightlight.deviceChanged', 'nightlight.serverChanged', 'nightlight.consoleAppended', 'nightlight.lightSampled'];
    await waitFor(() => expected.every((name) => lab.events.some((event) => event.name === name)) || undefined, 'every kind of event');
    for (const event of lab.events) expect(() => eventSchemas[event.name].parse(event.payload)).not.toThrow();
  });

  it('switches to the Wio default interval when the style changes and the interval was the Python default', async () => {
    await lab.service.updateDevice({ telemetryIntervalMs: 5000 });
    const state = await lab.service.updateDevice({ consoleStyle: 'wio' });
    expect(state.settings.telemetryIntervalMs).toBe(2000);
  });
});
