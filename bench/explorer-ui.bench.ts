// The Explorer page under a flood, in Chromium: a publisher floods the built-in broker at RATE msg/s over 20,000
// topics for DURATION_S seconds while the page shows the tree; reports main-thread frame time (p50/p95/max from
// requestAnimationFrame), long tasks, whether the page's count for the flooded subtree equals what was sent once the
// flood stops, and the host's memory sampled every second. `npm run bench -- explorer-ui` (DURATION_S=600 for 10 min).
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import mqtt from 'mqtt';
import { serveLab } from '../test/support/serve-lab';

const RATE = Number(process.env.RATE ?? 20_000);
const DURATION_S = Number(process.env.DURATION_S ?? 10);
const TOPICS = 20_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const rssMB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * p)] ?? NaN;

const lab = await serveLab();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(lab.url);
await page.getByRole('status', { name: 'Lab connection' }).filter({ hasText: 'Connected' }).waitFor();
const publisher = await mqtt.connectAsync(`mqtt://127.0.0.1:${lab.brokerPort}`);
publisher.publish('flood/warm-up', '1');
await page.getByRole('treeitem', { name: /^flood/ }).first().waitFor({ timeout: 20_000 });
// Page scripts are strings: tsx would otherwise add its own helper (__name) that the page does not have.
await page.evaluate(`(() => {
  const state = { frames: [], longTasks: 0, last: performance.now(), running: true };
  window.benchFrames = state;
  new PerformanceObserver((list) => (state.longTasks += list.getEntries().length)).observe({ entryTypes: ['longtask'] });
  const tick = (now) => {
    state.frames.push(now - state.last);
    state.last = now;
    if (state.running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`);

const total = RATE * DURATION_S;
const memory: number[] = [];
const started = Date.now();
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
const frames = (await page.evaluate(`(() => {
  const state = window.benchFrames;
  state.running = false;
  return { frames: state.frames.slice(2), longTasks: state.longTasks };
})()`)) as { frames: number[]; longTasks: number };
// Counts shown equal counts sent once the flood stops: wait for the flooded subtree's row to show the total.
const expected = sent + 1;
const row = page.getByRole('treeitem', { name: /^flood/ }).first();
let shown = '';
const waitStarted = Date.now();
for (let tries = 0; tries < 1200; tries++) {
  shown = (await row.getAttribute('aria-label', { timeout: 1000 }).catch(() => null)) ?? '';
  if (shown.replace(/[,\s]/g, '').includes(String(expected))) break;
  await sleep(100);
}
const result = {
  case: `explorer-ui-${RATE}-per-s-${DURATION_S}s`,
  sent: expected,
  pageShowsAllMessages: shown.replace(/[,\s]/g, '').includes(String(expected)),
  countsCaughtUpAfterFloodMs: Date.now() - waitStarted,
  frameP50Ms: Math.round(percentile(frames.frames, 0.5) * 10) / 10,
  frameP95Ms: Math.round(percentile(frames.frames, 0.95) * 10) / 10,
  frameMaxMs: Math.round(Math.max(...frames.frames)),
  longTasks: frames.longTasks,
  hostRssMBFirst: Math.round(memory[0] ?? 0),
  hostRssMBMax: Math.round(Math.max(...memory)),
  hostRssMBLast: Math.round(memory.at(-1) ?? 0),
};
await publisher.endAsync();
await browser.close();
await lab.stop();
process.stdout.write(`${JSON.stringify(result)}\n`);
