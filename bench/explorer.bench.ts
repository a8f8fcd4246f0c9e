// Explorer model ingest without UI: 200,000 messages over 20,000 topics, and 200,000 unique topics. Throughput and
// retained heap (after gc) of the real model, side by side with a plain reference trie, in one run. Needs --expose-gc.
import { ExplorerModel } from '../src-main/services/explorer/explorer-model';

const MESSAGES = 200_000;
const ROUNDS = Number(process.env.ROUNDS ?? 5);

/** The simplest useful trie: per node a Map of children, a count and the last payload. No history, no rates. */
class ReferenceNode {
  children = new Map<string, ReferenceNode>();
  count = 0;
  last: Buffer | null = null;
}

function referenceIngest(root: ReferenceNode, topic: string, payload: Buffer): void {
  let node = root;
  node.count += 1;
  for (const level of topic.split('/')) {
    let child = node.children.get(level);
    if (!child) {
      child = new ReferenceNode();
      node.children.set(level, child);
    }
    child.count += 1;
    node = child;
  }
  node.last = payload;
}

interface Workload {
  topics: string[];
  payloads: Buffer[];
}

/** Topics like "school/room-12/sensor-7/temperature"; payloads are small JSON readings, as a class's sensors send. */
function workload(topicCount: number): Workload {
  const topics: string[] = [];
  const kinds = ['temperature', 'humidity', 'light', 'telemetry', 'status'];
  for (let index = 0; index < topicCount; index++) {
    topics.push(`school/room-${index % 40}/device-${Math.floor(index / 40) % 100}/${kinds[index % 5]}-${Math.floor(index / 4000)}`);
  }
  // One network chunk with every payload in it, sliced as mqtt.js slices a socket buffer.
  const texts = Array.from({ length: MESSAGES }, (_, index) => `{"light":${index % 1024},"seq":${index}}`);
  const chunk = Buffer.from(texts.join(''));
  const payloads: Buffer[] = [];
  let offset = 0;
  for (const text of texts) {
    payloads.push(chunk.subarray(offset, offset + text.length));
    offset += text.length;
  }
  return { topics, payloads };
}

function heapMB(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('Run with --expose-gc (npm run bench -- explorer does).');
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1048576;
}

function timeModel(work: Workload): { msgPerSec: number; heapMB: number } {
  const before = heapMB();
  const started = performance.now();
  const model = new ExplorerModel(Date.now());
  const now = Date.now();
  for (let index = 0; index < MESSAGES; index++) {
    model.ingest(work.topics[index % work.topics.length] as string, work.payloads[index] as Buffer, 0, false, now + (index >> 6));
  }
  const elapsedMs = performance.now() - started;
  const heap = heapMB() - before;
  if (model.stats(now).messageCount !== MESSAGES) throw new Error('The model lost messages.');
  return { msgPerSec: (MESSAGES * 1000) / elapsedMs, heapMB: heap };
}

function timeReference(work: Workload): { msgPerSec: number; heapMB: number } {
  const before = heapMB();
  const started = performance.now();
  const root = new ReferenceNode();
  for (let index = 0; index < MESSAGES; index++) referenceIngest(root, work.topics[index % work.topics.length] as string, work.payloads[index] as Buffer);
  const elapsedMs = performance.now() - started;
  const heap = heapMB() - before;
  if (root.count !== MESSAGES) throw new Error('The reference trie lost messages.');
  return { msgPerSec: (MESSAGES * 1000) / elapsedMs, heapMB: heap };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

function runCase(name: string, topicCount: number) {
  const work = workload(topicCount);
  const model: { msgPerSec: number; heapMB: number }[] = [];
  const reference: { msgPerSec: number; heapMB: number }[] = [];
  // Alternate so both see the same machine state; the first round warms up the JIT and is not counted.
  for (let round = 0; round <= ROUNDS; round++) {
    const modelRun = timeModel(work);
    const referenceRun = timeReference(work);
    if (round === 0) continue;
    model.push(modelRun);
    reference.push(referenceRun);
    process.stdout.write(
      `  ${name} round ${round}: model ${Math.round(modelRun.msgPerSec)} msg/s ${modelRun.heapMB.toFixed(1)} MB | ` +
        `reference ${Math.round(referenceRun.msgPerSec)} msg/s ${referenceRun.heapMB.toFixed(1)} MB\n`,
    );
  }
  return {
    case: name,
    msgPerSec: Math.round(median(model.map((run) => run.msgPerSec))),
    heapMB: Math.round(median(model.map((run) => run.heapMB)) * 10) / 10,
    referenceMsgPerSec: Math.round(median(reference.map((run) => run.msgPerSec))),
    referenceHeapMB: Math.round(median(reference.map((run) => run.heapMB)) * 10) / 10,
  };
}

process.stdout.write(`Explorer model ingest: ${MESSAGES} messages per case, median of ${ROUNDS} rounds after one warm-up (Node ${process.version}).\n`);
const results = [runCase('200k-msgs-20k-topics', 20_000), runCase('200k-unique-topics', MESSAGES)];
for (const result of results) process.stdout.write(`${JSON.stringify(result)}\n`);
