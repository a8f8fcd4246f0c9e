// Broker restart: time from SIGKILL of the broker worker to the built-in broker running again on the same ports,
// and to an mqtt.js client (reconnectPeriod 200 ms) being connected again. The target is under 2 s. Median of 10.
// Uses the BUILT worker (out/main/broker-worker.js, as the app does): run `npm run build` first.
import { existsSync } from 'node:fs';
import mqtt from 'mqtt';
import { silentLogger } from '../src-main/lib/logger';
import { BrokerService } from '../src-main/services/broker/broker-service';
import { createNodeBrokerFork } from '../src-main/services/broker/node-fork';

const WORKER = 'out/main/broker-worker.js';
if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run "npm run build" first.`);
const createBroker = () =>
  new BrokerService({ fork: createNodeBrokerFork(WORKER), host: '127.0.0.1', tcpPort: 0, wsPort: 0, logger: silentLogger });

const RUNS = Number(process.env.RUNS ?? 10);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
};

const runningMs: number[] = [];
const reconnectedMs: number[] = [];
for (let run = 0; run < RUNS; run++) {
  // A fresh supervisor per run measures a first crash (no back-off), which is what a student's lab meets.
  const broker = createBroker();
  const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${(await broker.start()).tcpPort}`, { reconnectPeriod: 200 });
  const killedAt = performance.now();
  process.kill(broker.workerPid as number, 'SIGKILL');
  await until(() => broker.getStatus().state !== 'running');
  await until(() => broker.getStatus().state === 'running');
  runningMs.push(performance.now() - killedAt);
  await until(() => client.connected);
  reconnectedMs.push(performance.now() - killedAt);
  await client.endAsync(true);
  await broker.dispose();
}
const result = {
  case: 'broker-restart',
  runs: RUNS,
  killToRunningMs: Math.round(median(runningMs)),
  killToClientReconnectedMs: Math.round(median(reconnectedMs)),
  worstKillToRunningMs: Math.round(Math.max(...runningMs)),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
