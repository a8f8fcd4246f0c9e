// The Board page in Chromium against the real lab, with a simulated board on a socat pseudo-terminal pair: the student
// types the port's path and connects; the board's lesson lines show in the monitor, its light in the plotter and its
// Wi-Fi progress in words; with the USB bridge on, its telemetry reaches mosquitto_sub and a command reaches the board.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Download } from '@playwright/test';
import { expect, test } from './fixtures';

/** A Wio Terminal running the lesson's sketch, as far as its USB serial shows: boot lines, then telemetry; commands echoed. */
const SIMULATED_BOARD = String.raw`
import json, os, select, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_NOCTTY)
def say(text):
    os.write(fd, (text + '\r\n').encode())
for text in ['Connecting to WiFi..', 'Connected!', 'Attempting MQTT connection...Retying in 5 seconds - failed, rc=-2']:
    say(text)
    time.sleep(0.3)
say('Attempting MQTT connection...connected')
light, pending, next_at, count = 600, b'', 0.0, 0
while True:
    ready, _, _ = select.select([fd], [], [], 0.1)
    if ready:
        pending += os.read(fd, 1024)
        while b'\n' in pending:
            line, pending = pending.split(b'\n', 1)
            say('Message received:' + line.strip(b'\r').decode('utf-8', 'replace'))
    if time.monotonic() >= next_at:
        next_at = time.monotonic() + 0.4
        count += 1
        light = 600 + (count * 37) % 200
        say('Sending telemetry ' + json.dumps({'light': light}, separators=(',', ':')) if count % 2 else json.dumps({'light': light}))
`;

interface Started {
  process: ChildProcess;
  output: () => string;
}

function start(command: string, args: string[]): Started {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { process: child, output: () => output };
}

async function stop(started: Started | null): Promise<void> {
  const child = started?.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

async function readDownload(download: Download): Promise<string> {
  return readFileSync((await download.path())!, 'utf8');
}

let folder = '';
let socat: Started | null = null;
let board: Started | null = null;
let subscriber: Started | null = null;

test.beforeEach(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'mqtt-lab-board-'));
  // Two linked pseudo-terminals: the lab opens "board", the simulated board talks on "sim".
  socat = start('socat', [`pty,raw,echo=0,link=${folder}/board`, `pty,raw,echo=0,link=${folder}/sim`]);
  await expect.poll(() => existsSync(`${folder}/board`) && existsSync(`${folder}/sim`), { timeout: 10_000 }).toBe(true);
});

test.afterEach(async () => {
  await stop(subscriber);
  await stop(board);
  await stop(socat);
  subscriber = board = socat = null;
  rmSync(folder, { recursive: true, force: true });
});

test('a simulated board opened by its path: lines, plot, Wio status, and the bridge to MQTT', async ({ page, lab }) => {
  await page.goto(`${lab.url}#/board`);
  await expect(page.getByRole('heading', { name: 'Board', level: 1 })).toBeVisible();

  await page.getByLabel('Port path').fill(`${folder}/board`);
  await expect(page.getByLabel('Baud rate')).toHaveValue('9600');
  await expect(page.getByLabel('DTR on')).toBeChecked();
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  const state = page.getByRole('status', { name: 'Board connection' });
  await expect(state).toContainText(`Connected to ${folder}/board at 9600 baud`);

  board = start('python3', ['-u', '-c', SIMULATED_BOARD, `${folder}/sim`]);
  const log = page.getByRole('log', { name: 'What the board printed' });
  await expect(log).toContainText('Connected!');
  await expect(log).toContainText(/Sending telemetry \{"light":\d+\}/);
  await expect(log.getByTestId('monitor-time').first()).toHaveText(/^\d\d:\d\d:\d\d\.\d{3}$/);
  await expect(page.getByTestId('wio-status')).toHaveText('Board connected to the broker');
  await expect(page.getByTestId('plot-legend')).toContainText(/light: \d+/);
  await expect(page.getByTestId('plot-chart').locator('canvas')).toBeVisible();

  // Zoom by dragging across the plot, then back; the log and the plot save as files.
  const over = page.getByTestId('plot-chart').locator('.u-over');
  await over.scrollIntoViewIfNeeded();
  const box = (await over.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  const resetZoom = page.getByRole('button', { name: 'Reset zoom' });
  await expect(resetZoom).toBeEnabled();
  await resetZoom.click();
  await expect(resetZoom).toBeDisabled();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(await readDownload(csv)).toMatch(/^time.*light/);
  const [saved] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save log' }).click()]);
  expect(await readDownload(saved)).toContain('Connected!');

  // Sending a line from the monitor: the board echoes it back.
  await page.getByLabel('Line to send').fill('hello board');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(log).toContainText('Message received:hello board');

  // The bridge: the board's telemetry on <ID>/telemetry, a command on <ID>/commands written to the board.
  const bridgePanel = page.getByRole('region', { name: 'USB bridge to MQTT' });
  await page.getByRole('switch', { name: 'USB bridge' }).check();
  await expect(page.getByTestId('bridge-state')).toContainText('Running');
  const telemetryTopic = (await bridgePanel.locator('dd code').first().textContent())!.trim();
  const commandTopic = (await bridgePanel.locator('dd code').nth(1).textContent())!.trim();
  expect(telemetryTopic).toMatch(/^[\w-]+\/telemetry$/);
  subscriber = start('stdbuf', ['-oL', 'mosquitto_sub', '-h', '127.0.0.1', '-p', String(lab.brokerPort), '-t', telemetryTopic, '-v', '-d']);
  await expect.poll(() => subscriber!.output()).toContain('SUBACK');
  await expect.poll(() => subscriber!.output(), { timeout: 15_000 }).toMatch(new RegExp(`${telemetryTopic} \\{"light": ?\\d+\\}`));
  await expect(page.getByTestId('bridge-counts')).toContainText(/[1-9]\d*\s*Board to MQTT/);

  const publisher = start('mosquitto_pub', ['-h', '127.0.0.1', '-p', String(lab.brokerPort), '-t', commandTopic, '-m', '{"led_on": true}']);
  await new Promise((resolve) => publisher.process.once('exit', resolve));
  await expect(log).toContainText(/Message received:\{"led_on": ?true\}/);
  await expect(page.getByTestId('bridge-counts')).toContainText(/[1-9]\d*\s*MQTT to board/);

  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(state).toContainText('Not connected');
});

test('an unplugged board is reported in words and reopened when it comes back', async ({ page, lab }) => {
  await page.goto(`${lab.url}#/board`);
  await page.getByLabel('Port path').fill(`${folder}/board`);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  const state = page.getByRole('status', { name: 'Board connection' });
  await expect(state).toContainText('Connected to');

  // Unplug: the pseudo-terminal pair disappears.
  await stop(socat);
  await expect(state).toContainText('Board unplugged, waiting for it to come back.');
  await expect(page.getByRole('button', { name: 'Disconnect' })).toBeEnabled();

  // Plug back in at the same path: the lab reopens it by itself and the board's lines flow again.
  socat = start('socat', [`pty,raw,echo=0,link=${folder}/board`, `pty,raw,echo=0,link=${folder}/sim`]);
  await expect.poll(() => existsSync(`${folder}/sim`), { timeout: 10_000 }).toBe(true);
  await expect(state).toContainText('Connected to', { timeout: 15_000 });
  board = start('python3', ['-u', '-c', SIMULATED_BOARD, `${folder}/sim`]);
  await expect(page.getByRole('log', { name: 'What the board printed' })).toContainText('Attempting MQTT connection...connected');
});

test('the monitor follows the newest line until the student scrolls up, and jumps back on request', async ({ page, lab }) => {
  await page.goto(`${lab.url}#/board`);
  await page.getByLabel('Port path').fill(`${folder}/board`);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Board connection' })).toContainText('Connected to');

  // More lines than the monitor shows at once, then a new one every 0.2 s.
  const chatty = String.raw`
import os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_NOCTTY)
for n in range(1, 61):
    os.write(fd, ('line %d\r\n' % n).encode())
n = 0
while True:
    n += 1
    os.write(fd, ('tick %d\r\n' % n).encode())
    time.sleep(0.2)
`;
  board = start('python3', ['-u', '-c', chatty, `${folder}/sim`]);
  const log = page.getByRole('log', { name: 'What the board printed' });
  const autoscroll = page.getByRole('checkbox', { name: 'Autoscroll' });
  const jump = page.getByRole('button', { name: 'Jump to the newest line' });
  await expect(log).toContainText('tick 3');
  await expect(log.getByText('line 1', { exact: true })).toHaveCount(0);
  await expect(autoscroll).toBeChecked();

  // Scrolling up to read stops following: the first lines stay in view while ticks keep arriving.
  await log.hover();
  await page.mouse.wheel(0, -100_000);
  await expect(autoscroll).not.toBeChecked();
  await expect(jump).toBeVisible();
  await expect(log.getByText('line 1', { exact: true })).toBeVisible();
  await page.waitForTimeout(1000);
  await expect(log.getByText('line 1', { exact: true })).toBeVisible();

  // The jump button follows again and shows the newest line.
  await jump.click();
  await expect(autoscroll).toBeChecked();
  await expect(jump).toBeHidden();
  await expect(log.getByText('line 1', { exact: true })).toHaveCount(0);
  const newest = async () => Number((await log.getByText(/^tick \d+$/).last().textContent())!.replace('tick ', ''));
  const before = await newest();
  await expect.poll(newest, { timeout: 10_000 }).toBeGreaterThan(before + 2);
});
