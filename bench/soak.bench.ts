// Soak (issue 8): SOAK_MINUTES (default 30) of mixed traffic through the REAL headless host (built host.js, its
// WebSocket bridge, its broker worker) while faults repeat: broker restart, broker worker SIGKILL, playground proxy
// cuts, a persistent subscriber going away, the simulated board unplugged/replugged, the nightlight network cut.
// Prints one JSON line per minute and a final JSON summary; method and numbers in docs/reliability.md.
// Build first: `MQTT_LAB_OUT_DIR=soak npx electron-vite build`, then `MQTT_LAB_OUT_DIR=soak npm run bench -- soak`.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { startHost } from '../test/crash/support/host-process';
import { BoardPty, until } from './soak/board-pty';
import { brokerWorkerPid, connectHost, rssMB } from './soak/host-link';
import { SeqStream, type FaultWindow } from './soak/seq-stream';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 30);
if (!(MINUTES > 0)) throw new Error(`SOAK_MINUTES must be a positive number of minutes, got "${process.env.SOAK_MINUTES}".`);
const OUT = process.env.MQTT_LAB_OUT_DIR ? path.join('.out', path.basename(process.env.MQTT_LAB_OUT_DIR)) : 'out';
if (!existsSync(path.join(OUT, 'main', 'host.js'))) throw new Error(`${OUT}/main/host.js is missing: build first (see the header).`);
const DURATION_MS = MINUTES * 60_000;
const KINDS = ['proxyCut', 'subscriberDrop', 'brokerRestart', 'boardUnplug', 'nightlightCut', 'brokerKill'] as const;
const FAULT_COUNT = KINDS.length * Math.max(1, Math.round(MINUTES / 6));
const FAULT_EVERY_MS = (DURATION_MS - 20_000) / FAULT_COUNT;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);
const seqOf = (text: string | null | undefined) => Number(/"seq":\s*(\d+)/.exec(text ?? '')?.[1] ?? NaN);

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'soak-lab-'));
const host = await startHost(dataDir, 120_000);
const hostPid = host.process.pid as number;
let hostExited: string | null = null;
host.process.once('exit', (code, signal) => (hostExited = `exit ${code ?? signal}`));
const lab = await connectHost(host.uiPort, host.token);
const brokerUrl = async () => `mqtt://127.0.0.1:${(await lab.call('broker.getStatus')).tcpPort}`;
const url = await brokerUrl();
let startedAt = Date.now();
/** The QoS 1 streams start once both persistent subscribers hold their subscriptions. */
let ready = false;
const faults: Array<FaultWindow & Record<string, unknown>> = [];
const errors: string[] = [];
const noteError = (what: string, error: unknown) => errors.length < 50 && errors.push(`${Math.round((Date.now() - startedAt) / 1000)}s ${what}: ${(error as Error).message ?? error}`);
const clients: MqttClient[] = [];
const connect = (clientId: string, extra: mqtt.IClientOptions = {}) => {
  const client = mqtt.connect(url, { clientId, reconnectPeriod: 500, connectTimeout: 5000, ...extra });
  client.on('error', () => undefined);
  clients.push(client);
  return client;
};

// --- Mixed telemetry: 3 publishers x 80 msg/s (QoS 0 / 0 / 1), each with a retained status once a second.
let telemetrySent = 0;
const timers: NodeJS.Timeout[] = [];
for (let index = 0; index < 3; index++) {
  const client = connect(`soak-telemetry-${index}`);
  let n = 0;
  timers.push(setInterval(() => {
    for (let burst = 0; burst < 4; burst++) {
      n += 1;
      const payload = JSON.stringify({ seq: n, temperature: 20 + (n % 50) / 10, humidity: 40 + (n % 20), at: Date.now() });
      client.publish(`soak/room-${index}/sensor-${n % 8}/telemetry`, payload, { qos: index === 2 ? 1 : 0 });
      telemetrySent += 1;
    }
    if (n % 80 < 4) client.publish(`soak/status/${index}`, JSON.stringify({ online: true, n }), { qos: 1, retain: true });
  }, 50));
}

// --- QoS 1 streams to persistent sessions: an mqtt.js publisher (20/s) and a playground publisher (4/s).
const q1 = new SeqStream('mqttjs-q1');
const pgStream = new SeqStream('playground-q1');
const pgMqttAtPg = new SeqStream('mqttjs-q1 -> playground persistent subscriber');
const pgPgAtPg = new SeqStream('playground-q1 -> playground persistent subscriber');
const q1Publisher = connect('soak-q1-publisher');
timers.push(setInterval(() => {
  if (!ready) return;
  const seq = q1.take();
  q1Publisher.publish('soak/q1/mqttjs', JSON.stringify({ seq }), { qos: 1 }, (error) => {
    if (error) return noteError('q1 publish', error);
    // Every acknowledged seq is expected at both persistent subscribers.
    for (const stream of [q1, q1AtSub, pgMqttAtPg]) stream.sent(seq);
  });
}, 50));

// (a)/(b) an mqtt.js persistent subscriber (clean=false, QoS 1) that also goes away and comes back on purpose.
const q1AtSub = new SeqStream('mqttjs-q1 -> persistent mqtt.js subscriber');
const pgAtSub = new SeqStream('playground-q1 -> persistent mqtt.js subscriber');
let sessionsLost = 0;
let persistent: MqttClient;
function startPersistent(): void {
  persistent = connect('soak-persistent-subscriber', { clean: false, resubscribe: false });
  let first = true;
  persistent.on('connect', (connack) => {
    if (!connack.sessionPresent) {
      if (!first) sessionsLost += 1;
      persistent.subscribe('soak/q1/#', { qos: 1 });
    }
    first = false;
  });
  persistent.on('message', (topic, payload) => {
    const seq = seqOf(payload.toString());
    if (topic === 'soak/q1/mqttjs') q1AtSub.got(seq);
    else if (topic === 'soak/q1/playground') pgAtSub.got(seq);
  });
}
startPersistent();

// --- Observers (clean sessions) for the board bridge and the nightlight telemetry.
const observer = connect('soak-observer');
const boardSeen = new SeqStream('board lines -> bridge telemetry');
const nightlightSeen: Array<{ atMs: number; payload: string }> = [];
observer.on('connect', () => observer.subscribe({ 'soakboard/telemetry': { qos: 0 }, 'soaknl/telemetry': { qos: 1 } }));
observer.on('message', (topic, payload) => {
  if (topic === 'soakboard/telemetry') boardSeen.got(seqOf(payload.toString()));
  else nightlightSeen.push({ atMs: Date.now(), payload: payload.toString() });
});

// --- The lab: explorer on '#', three playground clients, nightlight device + server, board + USB bridge.
await lab.call('settings.update', { studentId: 'soakboard' });
await lab.call('explorer.addSubscription', { filter: '#', qos: 0 });
const pg = {
  pub: (await lab.call('playground.addClient', { name: 'Soak publisher', clientId: 'soak-pg-pub' })).key as string,
  sub: (await lab.call('playground.addClient', { name: 'Soak subscriber', clientId: 'soak-pg-sub', cleanSession: false })).key as string,
  watch: (await lab.call('playground.addClient', { name: 'Soak watcher', clientId: 'soak-pg-watch' })).key as string,
};
let pgWatchPackets = 0;
const pgPending = new Map<number | null, number>();
const pgAcked = new Set<number>();
lab.on('playground.packetsCaptured', (batch) => {
  for (const entry of batch.entries) {
    if (entry.kind !== 'packet') continue;
    // The playground publisher's PUBLISH -> PUBACK pairs: which of its QoS 1 messages the broker acknowledged.
    if (entry.clientKey === pg.pub && entry.direction === 'toBroker' && entry.type === 'PUBLISH') pgPending.set(entry.packetId, seqOf(entry.payloadPreview));
    if (entry.clientKey === pg.pub && entry.direction === 'toClient' && entry.type === 'PUBACK' && pgPending.has(entry.packetId)) {
      pgAcked.add(pgPending.get(entry.packetId) as number);
    }
    if (entry.direction !== 'toClient' || entry.type !== 'PUBLISH') continue;
    if (entry.proxyAction !== 'passed' && entry.proxyAction !== 'delayed') continue;
    if (entry.clientKey === pg.watch) pgWatchPackets += 1;
    if (entry.clientKey !== pg.sub) continue;
    if (entry.topic === 'soak/q1/mqttjs') pgMqttAtPg.got(seqOf(entry.payloadPreview));
    if (entry.topic === 'soak/q1/playground') pgPgAtPg.got(seqOf(entry.payloadPreview));
  }
});
const pgSubscriptions: Record<string, Array<[string, 0 | 1]>> = { [pg.sub]: [['soak/q1/#', 1]], [pg.watch]: [['soak/status/#', 0]] };
let pgReconnects = 0;
let pgConnectRefused = 0;
let pgSessionsLost = 0;
const pgConnectedOnce = new Set<string>();
/** What a student does after a cut or a broker restart: press Connect again (playground clients do not reconnect). */
async function keepPlaygroundConnected(): Promise<void> {
  const list = await lab.call('playground.listClients');
  for (const client of list) {
    if (!Object.values(pg).includes(client.key) || client.state === 'connected' || client.state === 'connecting') continue;
    const after = await lab.call('playground.connect', { clientKey: client.key, target: 'builtin' }).catch((error: unknown) => {
      // While the broker restarts the lab refuses with a sentence; the next round tries again.
      if (/not running right now/.test((error as Error).message)) pgConnectRefused += 1;
      else noteError(`reconnect ${client.key}`, error);
      return null;
    });
    if (!after || after.state !== 'connected') continue;
    if (pgConnectedOnce.has(client.key)) pgReconnects += 1;
    const again = pgConnectedOnce.has(client.key);
    pgConnectedOnce.add(client.key);
    if (after.sessionPresent !== true) {
      if (client.key === pg.sub && again) pgSessionsLost += 1;
      for (const [filter, qos] of pgSubscriptions[client.key] ?? []) await lab.call('playground.subscribe', { clientKey: client.key, filter, qos });
    }
  }
}
await keepPlaygroundConnected();
let pgBusy = false;
timers.push(setInterval(() => {
  if (pgBusy || !ready) return;
  pgBusy = true;
  const seq = pgStream.take();
  lab
    .call('playground.publish', { clientKey: pg.pub, topic: 'soak/q1/playground', payload: JSON.stringify({ seq }), qos: 1 })
    .then(() => (pgStream.sent(seq), pgAtSub.sent(seq), pgPgAtPg.sent(seq)), () => undefined)
    .finally(() => (pgBusy = false));
}, 250));

await lab.call('nightlight.updateDevice', { studentId: 'soaknl', firmwareStage: 'telemetry+commands', storeAndForward: true, qos: 1, telemetryIntervalMs: 500 });
await lab.call('nightlight.setRandom', { enabled: true, min: 0, max: 1023, periodMs: 200 });
await lab.call('nightlight.updateServer', { studentId: 'soaknl', qos: 1 });
await lab.call('nightlight.startServer');

const board = new BoardPty();
await board.plug();
await lab.call('board.open', { path: board.portPath });
await lab.call('board.setBridge', { enabled: true });
let boardState = { serial: 'opening', bridge: 'off', toMqttCount: 0, errorCount: 0 };
const refreshBoard = async () => {
  const state = await lab.call('board.getState');
  boardState = { serial: state.serial.state, bridge: state.bridge.state, toMqttCount: state.bridge.toMqttCount, errorCount: state.bridge.errorCount };
  return boardState;
};
await until(async () => (await refreshBoard()).serial === 'open', 'the lab to open the board port', 20_000);
board.powerOn();
let boardWriting = true;
let linesNotWritten = 0;
timers.push(setInterval(() => {
  if (!boardWriting || boardState.serial !== 'open' || boardState.bridge !== 'running') return;
  const seq = boardSeen.take();
  if (board.writeLine(JSON.stringify({ light: seq % 1024, seq }))) boardSeen.sent(seq);
  else linesNotWritten += 1;
}, 200));
timers.push(setInterval(() => void refreshBoard().catch(() => undefined), 500));
timers.push(setInterval(() => void keepPlaygroundConnected().catch((error) => noteError('playground upkeep', error)), 2000));

await sleep(2000);
startedAt = Date.now();
ready = true;

// --- Faults.
/** Resolves when the broker runs again: after a crash `restarts` grows; the restart command keeps the count. */
async function brokerBack(before: number | null, timeoutMs = 60_000): Promise<void> {
  await until(async () => {
    const status = await lab.call('broker.getStatus');
    return status.state === 'running' && (before === null || status.restarts > before);
  }, 'the broker to run again', timeoutMs);
}
const nightlightChecks: object[] = [];
const boardReplugs: object[] = [];
async function fault(kind: (typeof KINDS)[number]): Promise<Record<string, unknown>> {
  switch (kind) {
    case 'proxyCut': {
      await lab.call('playground.injectFault', { clientKey: pg.sub, fault: { kind: 'cut' } });
      await sleep(1500);
      await lab.call('playground.injectFault', { clientKey: pg.pub, fault: { kind: 'cut' } });
      await sleep(3000);
      return {};
    }
    case 'subscriberDrop': {
      await persistent.endAsync();
      clients.splice(clients.indexOf(persistent), 1);
      await sleep(5000);
      startPersistent();
      await sleep(2000);
      return {};
    }
    case 'brokerRestart': {
      const started = Date.now();
      await lab.call('broker.restart');
      await brokerBack(null);
      return { backAfterMs: Date.now() - started };
    }
    case 'brokerKill': {
      const before = (await lab.call('broker.getStatus')).restarts;
      const pid = brokerWorkerPid(hostPid);
      if (!pid) throw new Error('no broker worker process found under the host');
      const started = Date.now();
      process.kill(pid, 'SIGKILL');
      await brokerBack(before);
      return { killedPid: pid, backAfterMs: Date.now() - started, newPid: brokerWorkerPid(hostPid) };
    }
    case 'boardUnplug': {
      boardWriting = false;
      await sleep(500);
      await board.unplug();
      const unplugged = Date.now();
      await until(async () => (await refreshBoard()).serial === 'unplugged', 'the lab to report the board unplugged', 15_000);
      await sleep(3000);
      await board.plug();
      const replugged = Date.now();
      await until(async () => (await refreshBoard()).serial === 'open', 'the lab to reopen the board', 30_000);
      board.powerOn();
      boardWriting = true;
      const result = { reportedUnpluggedAfterMs: replugged - unplugged - 3000, reopenedAfterMs: Date.now() - replugged };
      boardReplugs.push(result);
      return result;
    }
    case 'nightlightCut': {
      await lab.call('nightlight.setNetwork', { up: false });
      await sleep(Math.min(15_000, FAULT_EVERY_MS * 0.4));
      const queue = (await lab.call('nightlight.getState')).device.queue;
      const queued = (queue.items as Array<{ payload: string }>).map((item) => item.payload);
      const restoredAt = Date.now();
      await lab.call('nightlight.setNetwork', { up: true });
      await until(async () => {
        const now = (await lab.call('nightlight.getState')).device.queue;
        return now.length === 0 && !now.replaying;
      }, 'the nightlight queue to empty', 30_000).catch((error) => noteError('nightlight replay', error));
      await sleep(1000);
      // In order: the queued payloads must appear as a subsequence of what arrived after the restore.
      let matched = 0;
      for (const message of nightlightSeen.filter((seen) => seen.atMs >= restoredAt)) if (message.payload === queued[matched]) matched += 1;
      const check = { queued: queue.length, itemsListed: queued.length, arrivedInOrder: matched, droppedCount: queue.droppedCount };
      nightlightChecks.push(check);
      return check;
    }
  }
}

// --- Measure: RSS every 10 s, a JSON line per minute.
const samples: Array<{ atS: number; hostMB: number | null; workerMB: number | null }> = [];
timers.push(setInterval(() => {
  samples.push({ atS: Math.round((Date.now() - startedAt) / 1000), hostMB: rssMB(hostPid), workerMB: rssMB(brokerWorkerPid(hostPid)) });
}, 10_000));
async function minuteLine(minute: number | 'final'): Promise<void> {
  const explorer = await lab.call('explorer.getState').catch(() => null);
  const last = samples.at(-1);
  log({
    minute,
    hostRssMB: last?.hostMB,
    workerRssMB: last?.workerMB,
    telemetrySent,
    q1Sent: q1.sentAt.size,
    q1AtPersistent: q1AtSub.arrived.size,
    playgroundSent: pgStream.sentAt.size,
    boardLines: boardSeen.sentAt.size,
    boardBridged: boardSeen.arrived.size,
    explorerMessages: explorer?.stats?.messageCount ?? null,
    faults: faults.length,
    load1: Number(os.loadavg()[0]!.toFixed(2)),
    hostAlive: hostExited === null,
  });
}

let minute = 0;
timers.push(setInterval(() => void minuteLine(++minute), 60_000));
let faultIndex = 0;
while (faultIndex < FAULT_COUNT && Date.now() - startedAt < DURATION_MS - 5_000 && hostExited === null) {
  const nextAt = startedAt + (faultIndex + 1) * FAULT_EVERY_MS;
  await sleep(Math.max(0, nextAt - Date.now()));
  const kind = KINDS[faultIndex % KINDS.length]!;
  faultIndex += 1;
  const startMs = Date.now();
  try {
    const details = await fault(kind);
    faults.push({ kind, startMs, endMs: Date.now(), atS: Math.round((startMs - startedAt) / 1000), ...details });
  } catch (error) {
    faults.push({ kind, startMs, endMs: Date.now(), atS: Math.round((startMs - startedAt) / 1000), failed: (error as Error).message });
    noteError(kind, error);
  }
}
await sleep(Math.max(0, startedAt + DURATION_MS - 10_000 - Date.now()));

// --- Stop publishing, let the queues drain, then count.
const stopSendingAt = Date.now();
for (const timer of timers.slice(0, 5)) clearInterval(timer);
boardWriting = false;
await sleep(10_000);
for (const timer of timers) clearInterval(timer);
await minuteLine('final');
const unackedQ1 = q1.next - q1.sentAt.size;
const hosts = samples.filter((sample) => sample.hostMB !== null).map((sample) => sample.hostMB as number);
const workers = samples.filter((sample) => sample.workerMB !== null).map((sample) => sample.workerMB as number);
const fifth = (values: number[], end: boolean) => {
  const part = values.slice(end ? -Math.max(1, Math.floor(values.length / 5)) : Math.floor(values.length / 10), end ? undefined : Math.floor(values.length / 10) + Math.max(1, Math.floor(values.length / 5)));
  return Math.round((part.reduce((sum, value) => sum + value, 0) / Math.max(1, part.length)) * 10) / 10;
};
const explorer = await lab.call('explorer.getState').catch(() => null);
const faultsOnly = faults.map(({ kind, startMs, endMs }) => ({ kind, startMs, endMs }));
/** Missing QoS 1 messages near these fault kinds, split by whether the broker had acknowledged them. */
function lostNear(kinds: string[]): { ackedByBroker: number; neverAcked: number } {
  const near = faultsOnly.filter((entry) => kinds.includes(entry.kind));
  const lost = { ackedByBroker: 0, neverAcked: 0 };
  for (const stream of [q1AtSub, pgAtSub, pgMqttAtPg, pgPgAtPg]) {
    const acked = (seq: number) => stream === q1AtSub || stream === pgMqttAtPg || pgAcked.has(seq);
    for (const seq of stream.missing(stopSendingAt)) {
      const atMs = stream.sentAt.get(seq) as number;
      if (near.some((entry) => atMs >= entry.startMs - 10_000 && atMs <= entry.endMs + 10_000)) lost[acked(seq) ? 'ackedByBroker' : 'neverAcked'] += 1;
    }
  }
  return lost;
}
log({
  case: 'soak',
  minutes: MINUTES,
  faultEveryS: Math.round(FAULT_EVERY_MS / 1000),
  hostAlive: hostExited === null,
  hostExit: hostExited,
  memory: {
    samples: samples.length,
    hostRssMB: { firstFifth: fifth(hosts, false), lastFifth: fifth(hosts, true), max: Math.max(...hosts) },
    workerRssMB: { firstFifth: fifth(workers, false), lastFifth: fifth(workers, true), max: Math.max(...workers) },
  },
  traffic: {
    telemetrySent,
    explorerMessages: explorer?.stats?.messageCount ?? null,
    playgroundWatcherPublishes: pgWatchPackets,
    msgPerSec: Math.round((telemetrySent + q1.sentAt.size + pgStream.sentAt.size + boardSeen.sentAt.size) / ((stopSendingAt - startedAt) / 1000)),
  },
  qos1: [q1AtSub, pgAtSub, pgMqttAtPg, pgPgAtPg].map((stream) => stream.summary(faultsOnly, stopSendingAt)),
  qos1UnackedAtEnd: unackedQ1,
  playgroundMissingThatTheBrokerAcked: [pgAtSub, pgPgAtPg].map((stream) => stream.missing(stopSendingAt).filter((seq) => pgAcked.has(seq)).length),
  sessionsLost: { mqttjsPersistent: sessionsLost, playgroundPersistent: pgSessionsLost },
  // Split: messages the broker had acknowledged (a real loss) vs. a clean-session publisher's unacknowledged ones.
  lostAcrossProxyCutsAndSubscriberDrops: lostNear(['proxyCut', 'subscriberDrop']),
  lostAcrossBrokerRestartsAndKills: lostNear(['brokerRestart', 'brokerKill']),
  board: { ...boardSeen.summary(faultsOnly, stopSendingAt), linesNotWritten, bridgeToMqttCount: boardState.toMqttCount, bridgeErrors: boardState.errorCount, replugs: boardReplugs },
  nightlight: nightlightChecks,
  faults: faults.map(({ startMs, endMs, ...rest }) => ({ ...rest, tookMs: endMs - startMs })),
  playgroundReconnects: pgReconnects,
  playgroundConnectRefusedWhileBrokerRestarting: pgConnectRefused,
  errors,
  load: os.loadavg().map((value) => Number(value.toFixed(2))),
});

await Promise.all(clients.map((client) => client.endAsync(true).catch(() => undefined)));
lab.close();
await board.dispose();
const crashed = hostExited !== null;
await host.stop();
rmSync(dataDir, { recursive: true, force: true });
process.exit(crashed ? 1 : 0);
