// Startup: time from starting the headless host (already built) to its ready line, and from opening the
// page in Chromium to the status pill saying "Connected" to the built-in broker. Median of several runs.
import { chromium } from '@playwright/test';
import { serveLab } from '../test/support/serve-lab';

const RUNS = Number(process.env.RUNS ?? 5);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
});
const readyMs: number[] = [];
const connectedMs: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  const lab = await serveLab();
  readyMs.push(performance.now() - started);
  const page = await browser.newPage();
  const opened = performance.now();
  await page.goto(lab.url);
  await page.getByRole('status').filter({ hasText: /Connected/ }).first().waitFor({ timeout: 30_000 });
  connectedMs.push(performance.now() - opened);
  await page.close();
  await lab.stop();
}
await browser.close();
const result = { case: 'startup', runs: RUNS, serveToReadyMs: Math.round(median(readyMs)), pageToConnectedMs: Math.round(median(connectedMs)) };
process.stdout.write(`${JSON.stringify(result)}\n`);
