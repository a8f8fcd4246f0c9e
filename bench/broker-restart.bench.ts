// Broker restart: time from SIGKILL of the broker worker to the built-in broker running again on the same ports,
// and to an mqtt.js client (reconnectPeriod 200 ms) being connected again. The target is under 2 s. Median of 10.
// Uses the BUILT worker (out/main/broker-worker.js, or .out/$MQTT_LAB_OUT_DIR/...): run `npm run build` first.
// The broker keeps its on-disk store in a temporary folder, as the app does; QUEUED=N first queues N QoS 1 messages
// for an offline persistent session, so the restart also reopens a store with data and they must all arrive.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mqtt from 'mqtt';
import { silentLogger } from '../src-main/lib/logger';
import { BrokerService } from '../src-main/services/broker/broker-service';
import { createNodeBrokerFork } from '../src-main/services/broker/node-fork';

const OUT = process.env.MQTT_LAB_OUT_DIR ? path.join('.out', path.basename(process.env.MQTT_LAB_OUT_DIR)) : 'out';
const WORKER = path.join(OUT, 'main', 'broker-worker.js');
if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run "npm run build" first.`);
const QUEUED = Number(process.env.QUEUED ?? 0);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mqtt-lab-bench-'));
const createBroker = (run: number) =>
  new BrokerService({
    fork: createNodeBrokerFork(WORKER),
    host: '127.0.0.1',
    tcpPort: 0,
    wsPort: 0,
    storeDir: path.join(dataDir, `run-${run}`, 'broker', 'store'),
    logger: silentLogger,
  });

const RUNS = Number(process.env.RUNS ?? 10);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
};

const runningMs: number[] = [];
const reconnectedMs: number[] = [];
const queueDeliveredMs: number[] = [];
const queueLost: number[] = [];
for (let run = 0; run < RUNS; run++) {
  // A fresh supervisor per run measures a first crash (no back-off), which is what a student's lab meets.
  const broker = createBroker(run);
  const url = `mqtt://127.0.0.1:${(await broker.start()).tcpPort}`;
  const subscriber = { clientId: `bench-queue-${run}`, clean: false, reconnectPeriod: 0 };
  if (QUEUED > 0) {
    const offline = await mqtt.connectAsync(url, subscriber);
    await offline.subscribeAsync('bench/queue', { qos: 1 });
    await offline.endAsync();
  }
  const client = await mqtt.connectAsync(url, { reconnectPeriod: 200 });
  await Promise.all(Array.from({ length: QUEUED }, (_, index) => client.publishAsync('bench/queue', String(index), { qos: 1 })));
  const killedAt = performance.now();
  process.kill(broker.workerPid as number, 'SIGKILL');
  await until(() => broker.getStatus().state !== 'running');
  await until(() => broker.getStatus().state === 'running');
  runningMs.push(performance.now() - killedAt);
  await until(() => client.connected);
  reconnectedMs.push(performance.now() - killedAt);
  if (QUEUED > 0) {
    let received = 0;
    const back = mqtt.connect(url, subscriber);
    back.on('message', () => (received += 1));
    // A broker without a store loses the queue: give up after 30 s and report what is missing.
    await until(() => received >= QUEUED || performance.now() - killedAt > 30_000);
    queueDeliveredMs.push(performance.now() - killedAt);
    queueLost.push(Math.max(0, QUEUED - received));
    await back.endAsync(true);
  }
  await client.endAsync(true);
  await broker.dispose();
}
const result = {
  case: 'broker-restart',
  runs: RUNS,
  killToRunningMs: Math.round(median(runningMs)),
  killToClientReconnectedMs: Math.round(median(reconnectedMs)),
  worstKillToRunningMs: Math.round(Math.max(...runningMs)),
  ...(QUEUED > 0 ? { queued: QUEUED, killToQueueDeliveredMs: Math.round(median(queueDeliveredMs)), queuedLost: Math.max(...queueLost) } : {}),
};
rmSync(dataDir, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify(result)}\n`);
