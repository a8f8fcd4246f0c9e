// The USB bridge against a real (in-process) broker: the board's JSON lines reach <ID>/telemetry, commands on
// <ID>/commands reach the board as one JSON line, counts and errors are shown, and an unplug/replug is survived.
import type { MqttClient } from 'mqtt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BridgeStatus } from '../../../src-shared/contract/board';
import { startTestBroker, type TestBroker } from '../../support/test-broker';
import { rawClient } from '../nightlight/nightlight-harness';
import { waitFor } from '../mqtt/service-harness';
import { createBoard, STUDENT_ID, type BoardHarness } from './support/board-harness';

const UNO = '/dev/ttyUSB0';
let broker: TestBroker;
let harness: BoardHarness;
let peer: MqttClient;

beforeEach(async () => {
  broker = await startTestBroker();
  harness = await createBoard({ brokerPort: broker.port });
  harness.binding.addBoard(UNO, { vendorId: '1a86', productId: '7523' });
  await harness.service.open({ path: UNO, baudRate: 9600, dtr: true });
  peer = await rawClient(broker.port, 'peer');
});

afterEach(async () => {
  await peer.endAsync(true);
  await harness.dispose();
  await broker.close();
});

const bridge = (): BridgeStatus => harness.service.getState().bridge;

function collect(topic: string): string[] {
  const seen: string[] = [];
  peer.on('message', (received, payload) => received === topic && seen.push(payload.toString()));
  return seen;
}

describe('USB bridge', () => {
  it("shows the student's own topics before the bridge is first switched on", () => {
    expect(bridge()).toMatchObject({ enabled: false, telemetryTopic: `${STUDENT_ID}/telemetry`, commandTopic: `${STUDENT_ID}/commands` });
  });

  it("publishes the board's JSON lines and the lesson's telemetry lines to <ID>/telemetry", async () => {
    const telemetry = collect(`${STUDENT_ID}/telemetry`);
    await peer.subscribeAsync(`${STUDENT_ID}/telemetry`);
    const status = await harness.service.setBridge(true);
    expect(status).toMatchObject({ enabled: true, clientName: 'board-bridge', telemetryTopic: `${STUDENT_ID}/telemetry`, commandTopic: `${STUDENT_ID}/commands` });
    await waitFor(() => bridge().state === 'running', 'the bridge to run');

    harness.binding.print(UNO, '{"light": 652}\r\nSending telemetry {"light":640}\r\nbooting...\r\n');
    await waitFor(() => telemetry.length === 2, 'two readings on MQTT');
    expect(telemetry).toEqual(['{"light": 652}', '{"light":640}']);
    // The page hears the count from a (batched) bridgeChanged event.
    await waitFor(() => harness.events.some((event) => event.name === 'bridgeChanged' && (event.payload as BridgeStatus).toMqttCount === 2), 'the count');
    expect(bridge().toMqttCount).toBe(2);
  });

  it('writes each command to the board as one JSON line, and refuses what is not JSON', async () => {
    await harness.service.setBridge(true);
    await waitFor(() => bridge().state === 'running', 'the bridge to run');
    // The bridge subscribes once it is connected; retry until that subscription is in place.
    const retry = setInterval(() => void peer.publishAsync(`${STUDENT_ID}/commands`, '{ "led_on" : true }'), 100);
    try {
      await waitFor(() => harness.binding.writtenText(UNO).includes('{"led_on":true}\n'), 'the command on the board');
    } finally {
      clearInterval(retry);
    }
    await peer.publishAsync(`${STUDENT_ID}/commands`, 'switch it on please');
    await waitFor(() => bridge().errorCount >= 1, 'an error for the text command');
    expect(bridge().errors.at(-1)?.message).toContain('is not JSON');
    expect(harness.binding.writtenText(UNO)).not.toContain('please');
    expect(bridge().toBoardCount).toBeGreaterThanOrEqual(1);
  });

  it('waits for the board while it is unplugged and resumes after the replug', async () => {
    const telemetry = collect(`${STUDENT_ID}/telemetry`);
    await peer.subscribeAsync(`${STUDENT_ID}/telemetry`);
    await harness.service.setBridge(true);
    await waitFor(() => bridge().state === 'running', 'the bridge to run');
    harness.binding.unplug(UNO);
    await waitFor(() => bridge().state === 'waiting-for-board', 'the bridge to wait for the board');
    harness.binding.replug(UNO);
    await waitFor(() => bridge().state === 'running', 'the bridge to run again');
    harness.binding.print(UNO, '{"light": 5}\n');
    await waitFor(() => telemetry.includes('{"light": 5}'), 'telemetry after the replug');
  });

  it('switching off disconnects the bridge client', async () => {
    await harness.service.setBridge(true);
    await waitFor(() => bridge().state === 'running', 'the bridge to run');
    expect((await harness.service.setBridge(false)).state).toBe('off');
    await waitFor(() => harness.clients.list().find((client) => client.clientName === 'board-bridge')?.state === 'idle', 'the client to be idle');
  });
});
