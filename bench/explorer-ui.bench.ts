// The Explorer page under a flood, in Chromium: a publisher floods the built-in broker at RATE msg/s over 20,000
// topics for DURATION_S seconds while the page shows the tree; reports the main thread's work per frame (p50/p95/max,
// Performance API, cross-checked by a TRACE_S-second Chromium trace; method in bench/frame-work.ts), the frame
// interval, long tasks, whether the page's count for the flooded subtree equals what was sent once the flood stops,
// and the host's memory sampled every second. `npm run bench -- explorer-ui` (DURATION_S=600 for 10 min).
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import mqtt from 'mqtt';
import { serveLab } from '../test/support/serve-lab';
import { crossCheck, FRAME_WORK_PAGE_SCRIPT, spread, startFrameWork, stopFrameWork, traceMainThread, workPerWindow } from './frame-work';

const RATE = Number(process.env.RATE ?? 20_000);
const DURATION_S = Number(process.env.DURATION_S ?? 10);
const TRACE_S = Math.min(Number(process.env.TRACE_S ?? 5), DURATION_S / 2);
const TOPICS = 20_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const rssMB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

const lab = await serveLab();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.addInitScript({ content: FRAME_WORK_PAGE_SCRIPT });
await page.goto(lab.url);
await page.getByRole('status', { name: 'Lab connection' }).filter({ hasText: 'Connected' }).waitFor();
const publisher = await mqtt.connectAsync(`mqtt://127.0.0.1:${lab.brokerPort}`);
publisher.publish('flood/warm-up', '1');
await page.getByRole('treeitem', { name: /^flood/ }).first().waitFor({ timeout: 20_000 });
await startFrameWork(page);

const total = RATE * DURATION_S;
const memory: number[] = [];
const started = Date.now();
// A short trace a third of the way in (at most a minute in), to cross-check the page's own numbers.
const tracing = TRACE_S > 0 ? sleep(Math.min(DURATION_S / 3, 60) * 1000).then(() => traceMainThread(browser, page, TRACE_S * 1000)) : undefined;
let sent = 0;
let nextSample = started;
while (sent < total) {
  const due = Math.min(total, Math.floor(((Date.now() - started) / 1000) * RATE) + 200);
  for (; sent < due; sent++) publisher.publish(`flood/room-${sent % 200}/t${Math.floor(sent / 200) % (TOPICS / 200)}`, `{"light":${sent % 1000}}`);
  if (Date.now() >= nextSample) {
    memory.push(rssMB(lab.process.pid as number));
    // A line a minute, so a long run leaves its memory curve even if it fails at the end.
    if (memory.length % 60 === 0) process.stdout.write(`${JSON.stringify({ minute: memory.length / 60, sent, hostRssMB: Math.round(memory.at(-1) ?? 0) })}\n`);
    nextSample += 1000;
  }
  await sleep(5);
}
process.stdout.write(`${JSON.stringify({ floodDone: true, sent })}\n`);
// Frames are counted until the flood stops; sampling goes on until the trace (if it started late) is done.
const floodEndMs = (await page.evaluate('performance.now()')) as number;
const trace = await tracing;
const samples = await stopFrameWork(page);
// Counts shown equal counts sent once the flood stops: wait for the flooded subtree's row to show the total.
const expected = sent + 1;
const row = page.getByRole('treeitem', { name: /^flood/ }).first();
let shown = '';
const waitStarted = Date.now();
for (let tries = 0; tries < 3000; tries++) {
  shown = (await row.getAttribute('aria-label', { timeout: 1000 }).catch(() => null)) ?? '';
  if (shown.replace(/[,\s]/g, '').includes(String(expected))) break;
  await sleep(100);
}
// The first frames still carry the start of the measurement; the last one has no end.
const allFrames = samples.frames.slice(2);
const frames = allFrames.filter((at) => at <= floodEndMs);
const work = spread(workPerWindow(frames, samples.busy));
const interval = spread(frames.slice(1).map((at, i) => at - frames[i]!));
const result = {
  case: `explorer-ui-${RATE}-per-s-${DURATION_S}s`,
  sent: expected,
  pageShowsAllMessages: shown.replace(/[,\s]/g, '').includes(String(expected)),
  countsCaughtUpAfterFloodMs: Date.now() - waitStarted,
  frames: work.n,
  frameWorkP50Ms: work.p50,
  frameWorkP95Ms: work.p95,
  frameWorkMaxMs: work.max,
  frameIntervalP50Ms: interval.p50,
  frameIntervalP95Ms: interval.p95,
  frameIntervalMaxMs: interval.max,
  longTasks: samples.longTasks,
  longAnimationFrames: samples.longFrames,
  traceCheck: trace && { seconds: TRACE_S, startedAfterS: Math.round((trace.fromMs - (allFrames[0] ?? 0)) / 100) / 10, afterFloodMs: Math.max(0, Math.round(trace.toMs - floodEndMs)), ...crossCheck(allFrames, samples.busy, trace) },
  hostRssMBFirst: Math.round(memory[0] ?? 0),
  hostRssMBMax: Math.round(Math.max(...memory)),
  hostRssMBLast: Math.round(memory.at(-1) ?? 0),
};
await publisher.endAsync();
await browser.close();
await lab.stop();
process.stdout.write(`${JSON.stringify(result)}\n`);
