// Store-and-forward: readings taken while the broker is down are kept on disk, survive a restart of the service,
// and arrive in order (none lost) once the broker is back. Also the offline command policies.
import type { MqttClient } from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestBroker, type TestBroker } from '../../support/test-broker';
import { collect, createNightlight, rawClient, STUDENT_ID, waitFor } from './nightlight-harness';

const TELEMETRY = `${STUDENT_ID}/telemetry`;
const DEVICE_CLIENT_ID = `${STUDENT_ID}nightlight_client`;

/** A broker on `port` that lets the device in only after `gate` resolves, so a watcher can subscribe first. */
function gatedBroker(port: number, gate: Promise<void>): Promise<TestBroker> {
  return startTestBroker({
    port,
    aedes: {
      authenticate: (client, _username, _password, done) => {
        if (client.id === DEVICE_CLIENT_ID) void gate.then(() => done(null, true));
        else done(null, true);
      },
    },
  });
}

describe('store-and-forward', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('delivers readings queued while the broker was down, across a restart of the service, in order', async () => {
    let broker = await startTestBroker();
    const port = broker.port;
    const first = await createNightlight(port);
    await first.service.start();
    await first.service.updateDevice({ storeAndForward: true, telemetryIntervalMs: 100, firmwareStage: 'telemetry' });
    await waitFor(() => first.service.snapshot().device.connection?.state === 'connected' || undefined, 'the device to connect');
    await broker.close();
    await waitFor(() => first.service.snapshot().device.connection?.state !== 'connected' || undefined, 'the device to notice');

    // "Move the slider" while offline: every level is read at least once and stored.
    for (const light of [101, 102, 103, 104, 105]) {
      first.service.setLight(light);
      await waitFor(() => first.service.snapshot().device.queue.items.some((item) => item.payload === `{"light": ${light}}`), `${light} to be stored`);
    }
    const stored = first.service.snapshot().device.queue;
    expect(stored.length).toBeGreaterThanOrEqual(5);
    await first.service.dispose();
    await first.clients.dispose();

    // The service restarts on the same data folder while the broker is still down; it keeps adding to the queue.
    const second = await createNightlight(port, { dataDir: first.dataDir });
    cleanups.push(() => second.dispose());
    expect(second.service.snapshot().device.queue.items.slice(0, stored.length).map((item) => item.seq)).toEqual(stored.items.map((item) => item.seq));
    await second.service.start();

    let letDeviceIn!: () => void;
    broker = await gatedBroker(port, new Promise((resolve) => (letDeviceIn = resolve)));
    cleanups.push(() => broker.close());
    const watcher: MqttClient = await rawClient(port);
    cleanups.push(() => watcher.endAsync(true));
    const received = await collect(watcher, TELEMETRY);
    const queuedBefore = second.service.snapshot().device.queue.items.map((item) => item.payload);
    letDeviceIn();

    await waitFor(() => second.service.snapshot().device.queue.length === 0 || undefined, 'the queue to empty', 15_000);
    await waitFor(() => received.length >= queuedBefore.length || undefined, 'every stored reading to arrive');
    const texts = received.map((message) => message.text);
    expect(texts.slice(0, queuedBefore.length)).toEqual(queuedBefore);
    const levels = texts.map((text) => (JSON.parse(text) as { light: number }).light).filter((light) => light !== 0);
    expect(levels.slice(0, 5)).toEqual([...new Set(levels)].slice(0, 5));
    expect([...new Set(levels)].slice(0, 5)).toEqual([101, 102, 103, 104, 105]);
    expect(second.texts('device').some((text) => text.startsWith('[lab] The connection is back: sending'))).toBe(true);
  });

  it('loses readings while offline when store-and-forward is off, and says so', async () => {
    const broker = await startTestBroker();
    const lab = await createNightlight(broker.port);
    cleanups.push(() => lab.dispose());
    await lab.service.start();
    await lab.service.updateDevice({ telemetryIntervalMs: 100, firmwareStage: 'telemetry' });
    await waitFor(() => lab.service.snapshot().device.connection?.state === 'connected' || undefined, 'the device to connect');
    await broker.close();
    await waitFor(() => lab.texts('device').find((text) => text.includes('this reading is lost')), 'the lost-reading note');
    expect(lab.service.snapshot().device.queue.length).toBe(0);
  });

  it('latest wins: of a burst of commands after a reconnect only the newest switches the LED', async () => {
    const broker = await startTestBroker();
    cleanups.push(() => broker.close());
    const lab = await createNightlight(broker.port);
    cleanups.push(() => lab.dispose());
    await lab.service.start();
    await lab.service.updateDevice({ telemetryIntervalMs: 60_000, offlineCommandPolicy: 'latest-wins' });
    await waitFor(() => lab.service.snapshot().device.listeningForCommands || undefined, 'the device to subscribe');
    const peer = await rawClient(broker.port);
    cleanups.push(() => peer.endAsync(true));
    // Cut and restore the network: the device reconnects and collects the commands of the next moment as one burst.
    lab.service.setNetwork(false);
    await waitFor(() => lab.service.snapshot().device.connection?.state !== 'connected' || undefined, 'the cut to take effect');
    lab.service.setNetwork(true);
    await waitFor(() => lab.service.snapshot().device.listeningForCommands || undefined, 'the device to subscribe again', 15_000);
    for (const on of [true, false, true]) await peer.publishAsync(`${STUDENT_ID}/commands`, JSON.stringify({ led_on: on }));
    await waitFor(() => lab.texts('device').find((text) => text.startsWith('[lab] Latest wins: 3 commands')), 'the latest-wins note');
    const log = lab.service.snapshot().device.ledLog;
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ on: true, source: 'command' });
  });

  it('keep order: every command of the burst switches the LED in turn', async () => {
    const broker = await startTestBroker();
    cleanups.push(() => broker.close());
    const lab = await createNightlight(broker.port);
    cleanups.push(() => lab.dispose());
    await lab.service.start();
    await lab.service.updateDevice({ telemetryIntervalMs: 60_000, offlineCommandPolicy: 'keep-order' });
    await waitFor(() => lab.service.snapshot().device.listeningForCommands || undefined, 'the device to subscribe');
    const peer = await rawClient(broker.port);
    cleanups.push(() => peer.endAsync(true));
    for (const on of [true, false, true]) await peer.publishAsync(`${STUDENT_ID}/commands`, JSON.stringify({ led_on: on }));
    await waitFor(() => lab.service.snapshot().device.ledLog.length === 3 || undefined, 'three switches');
    expect(lab.service.snapshot().device.ledLog.map((entry) => entry.on)).toEqual([true, false, true]);
  });
});
