// The lab's server panel alone, played against by a plain MQTT client: bad payloads are explained and never stop it,
// it hears again after the broker restarts, multi-device mode answers each device, hysteresis holds the LED.
import type { MqttClient } from 'mqtt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decideLed } from '../../../src-main/services/nightlight/nightlight-server';
import { startTestBroker, type TestBroker } from '../../support/test-broker';
import { collect, createNightlight, rawClient, STUDENT_ID, waitFor, type NightlightHarness } from './nightlight-harness';

const TELEMETRY = `${STUDENT_ID}/telemetry`;
const COMMANDS = `${STUDENT_ID}/commands`;

describe('nightlight server panel', () => {
  let broker: TestBroker;
  let lab: NightlightHarness;
  let peer: MqttClient;
  let commands: Array<{ topic: string; text: string }>;

  beforeEach(async () => {
    broker = await startTestBroker();
    lab = await createNightlight(broker.port);
    // hardware-only: the lab's own device stays quiet, so only this test's messages reach the server.
    await lab.service.updateDevice({ mode: 'hardware-only' });
    await lab.service.start();
    await lab.service.startServer();
    await waitFor(() => lab.service.snapshot().server.subscribedFilter === TELEMETRY || undefined, 'the server to subscribe');
    peer = await rawClient(broker.port);
    commands = await collect(peer, '+/commands');
  });

  afterEach(async () => {
    await peer.endAsync();
    await lab.dispose();
    await broker.close();
  });

  it.each([
    ['not JSON', 'bright', 'is not JSON'],
    ['a text light', '{"light": "bright"}', '"light" is the text "bright"'],
    ['no light field', '{"lux": 5}', 'has no "light" field'],
    ['a negative light', '{"light": -5}', 'light -5 is outside'],
    ['a light above 1023', '{"light": 5000}', 'light 5000 is outside'],
    ['a list', '[1, 2]', 'not an object'],
    ['true as light', '{"light": true}', '"light" is true'],
    ['an empty message', '', 'an empty message'],
  ])('explains %s and still answers the next good reading', async (_what, payload, explanation) => {
    await peer.publishAsync(TELEMETRY, payload);
    await waitFor(() => lab.lines('server').find((line) => line.kind === 'error' && line.text.includes(explanation)), `the explanation "${explanation}"`);
    await peer.publishAsync(TELEMETRY, '{"light": 10}');
    await waitFor(() => commands.find((command) => command.text === '{"led_on": true}'), 'the answer to the next good reading');
    expect(lab.service.snapshot().server.counts).toMatchObject({ received: 2, rejected: 1 });
  });

  it('ignores a huge payload without reading it', async () => {
    await peer.publishAsync(TELEMETRY, Buffer.alloc(300_000, 'x'));
    await waitFor(() => lab.texts('server').find((text) => text.includes('300000 bytes')), 'the size explanation');
    await peer.publishAsync(TELEMETRY, '{"light": 500}');
    await waitFor(() => commands.find((command) => command.text === '{"led_on": false}'), 'the answer after the huge payload');
  });

  it('keeps extra fields in what it prints and answers with the lesson\'s JSON', async () => {
    await peer.publishAsync(TELEMETRY, '{"light": 120, "room": "kitchen"}');
    await waitFor(() => lab.texts('server').includes("Message received: {'light': 120, 'room': 'kitchen'}"), 'the printed dict');
    await waitFor(() => commands.find((command) => command.topic === COMMANDS && command.text === '{"led_on": true}'), 'the command');
  });

  it('subscribes again after the broker restarts, unlike the lesson\'s code', async () => {
    const port = broker.port;
    await peer.endAsync(true);
    await broker.close();
    await waitFor(() => lab.service.snapshot().server.subscribedFilter === null || undefined, 'the server to notice');
    broker = await startTestBroker({ port });
    await waitFor(() => lab.service.snapshot().server.subscribedFilter === TELEMETRY || undefined, 'the server to subscribe again', 15_000);
    peer = await rawClient(port);
    commands = await collect(peer, '+/commands');
    await peer.publishAsync(TELEMETRY, '{"light": 50}');
    await waitFor(() => commands.find((command) => command.text === '{"led_on": true}'), 'an answer after the restart');
  });

  it('answers every device on its own commands topic in multi-device mode', async () => {
    await lab.service.updateServer({ multiDevice: true });
    await waitFor(() => lab.service.snapshot().server.subscribedFilter === '+/telemetry' || undefined, 'the multi-device subscription');
    await peer.publishAsync('kitchen/telemetry', '{"light": 10}');
    await peer.publishAsync('garden/telemetry', '{"light": 900}');
    await waitFor(() => commands.length >= 2 || undefined, 'two answers');
    expect(commands).toEqual(
      expect.arrayContaining([
        { topic: 'kitchen/commands', text: '{"led_on": true}' },
        { topic: 'garden/commands', text: '{"led_on": false}' },
      ]),
    );
    expect(lab.service.snapshot().server.devices.map((device) => device.deviceId)).toEqual(['garden', 'kitchen']);
  });

  it('moves the threshold when the student changes it', async () => {
    await lab.service.updateServer({ threshold: 500 });
    await peer.publishAsync(TELEMETRY, '{"light": 450}');
    await waitFor(() => commands.find((command) => command.text === '{"led_on": true}'), 'on below the new threshold');
  });
});

describe('decideLed', () => {
  it('is the lesson\'s rule without hysteresis', () => {
    expect(decideLed(299, 300, 0, undefined)).toBe(true);
    expect(decideLed(300, 300, 0, true)).toBe(false);
  });

  it('keeps the LED on up to threshold + hysteresis once it is on', () => {
    expect(decideLed(320, 300, 50, true)).toBe(true);
    expect(decideLed(350, 300, 50, true)).toBe(false);
    expect(decideLed(320, 300, 50, false)).toBe(false);
  });
});
