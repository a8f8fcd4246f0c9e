// End to end without a browser: the real host (broker worker + explorer + WebSocket bridge), a publisher flooding
// the built-in broker at RATE msg/s over 20,000 topics; reports whether the explorer counted every message, the
// tree events per second a UI would get (and their size), and the host's memory. `npm run bench -- explorer-flood`.
import mqtt from 'mqtt';
import WebSocket from 'ws';
import { serveLab } from '../test/support/serve-lab';

const TOTAL = Number(process.env.TOTAL ?? 200_000);
const RATE = Number(process.env.RATE ?? 20_000);
const TOPICS = 20_000;

const lab = await serveLab();
const socket = new WebSocket(`ws://127.0.0.1:${lab.uiPort}/bridge?token=${lab.token}`);
await new Promise((resolve) => socket.once('open', resolve));
let nextId = 0;
const waiting = new Map<number, (result: { ok: boolean; value?: unknown }) => void>();
const events = { count: 0, changed: 0, bytes: 0 };
socket.on('message', (data: Buffer) => {
  const frame = JSON.parse(String(data));
  if (frame.type === 'result') waiting.get(frame.id)?.(frame.result);
  else if (frame.name === 'explorer.treeUpdated') {
    events.count += 1;
    events.changed += frame.payload.changed.length;
    events.bytes += data.length;
  }
});
function invoke<T>(name: string, input: unknown = {}): Promise<T> {
  const id = ++nextId;
  return new Promise((resolve) => {
    waiting.set(id, (result) => resolve(result.value as T));
    socket.send(JSON.stringify({ type: 'invoke', id, name, input }));
  });
}
type State = { status: { subscriptions: { state: string }[] }; stats: { messageCount: number; topicCount: number; historyBytesUsed: number } };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

for (let tries = 0; tries < 100 && (await invoke<State>('explorer.getState')).status.subscriptions[0]?.state !== 'active'; tries++) await sleep(100);
// Expand one room, as a student would: its children are the nodes the events carry.
await invoke('explorer.setView', { expanded: ['flood', 'flood/room-7'], selected: null });
const publisher = await mqtt.connectAsync(`mqtt://127.0.0.1:${lab.brokerPort}`);
const started = Date.now();
let sent = 0;
while (sent < TOTAL) {
  const due = Math.min(TOTAL, Math.floor(((Date.now() - started) / 1000) * RATE) + 200);
  for (; sent < due; sent++) publisher.publish(`flood/room-${sent % 200}/t${Math.floor(sent / 200) % (TOPICS / 200)}`, `{"light":${sent % 1000}}`);
  await sleep(5);
}
const sendSeconds = (Date.now() - started) / 1000;
let state = await invoke<State>('explorer.getState');
for (let tries = 0; tries < 600 && state.stats.messageCount < TOTAL; tries++) {
  await sleep(100);
  state = await invoke<State>('explorer.getState');
}
const seconds = (Date.now() - started) / 1000;
await sleep(200);
const rssMB = Number(/VmRSS:\s+(\d+)/.exec(await import('node:fs').then((fs) => fs.readFileSync(`/proc/${lab.process.pid}/status`, 'utf8')))?.[1] ?? 0) / 1024;
const result = {
  case: `flood-${RATE}-per-s`,
  sent,
  counted: state.stats.messageCount,
  topics: state.stats.topicCount,
  sendSeconds: Math.round(sendSeconds * 10) / 10,
  countedAfterSeconds: Math.round(seconds * 10) / 10,
  eventsPerSecond: Math.round((events.count / seconds) * 10) / 10,
  changedNodesPerEvent: Math.round(events.changed / Math.max(1, events.count)),
  eventKB: Math.round(events.bytes / Math.max(1, events.count) / 102.4) / 10,
  historyMB: Math.round(state.stats.historyBytesUsed / 104857.6) / 10,
  hostRssMB: Math.round(rssMB),
};
await publisher.endAsync();
socket.close();
await lab.stop();
process.stdout.write(`${JSON.stringify(result)}\n`);
