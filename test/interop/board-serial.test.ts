// The Board page against a simulated board on a socat pseudo-terminal pair, through the real contract and the
// real built-in broker: the lesson's Wio lines understood, unplug (socat killed) and replug, the USB bridge seen by
// mosquitto_sub and driven by mosquitto_pub, and LAN mode (on 127.0.0.1 here) with the generated credentials.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LabServices } from '../../src-main/services/create-lab';
import { startRealLab, type Call } from '../support/real-lab';
import { startSimulatedBoard, type SimulatedBoard } from './board-fixtures/pty-pair';
import { eventually } from '../support/eventually';

const STUDENT_ID = 'lab-board9';

let lab: LabServices;
let dataDir: string;
let board: SimulatedBoard | undefined;
let call: Call;
const children: Array<ReturnType<typeof spawn>> = [];

const inLines = async () => (await call('board.getLog', { limit: 5000 })).lines.filter((line) => line.kind === 'in').map((line) => line.text);
const state = () => call('board.getState', {});

/** mosquitto_sub until `count` messages arrived; resolves with "topic payload" lines. */
function subscribe(args: string[], count: number): Promise<string[]> {
  const child = spawn('mosquitto_sub', ['-h', '127.0.0.1', '-v', '-C', String(count), '-W', '20', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve(output.trim().split('\n')) : reject(new Error(`mosquitto_sub exited ${code}: ${output}`)))),
  );
}

function publish(args: string[]): { status: number | null; output: string } {
  const result = spawnSync('mosquitto_pub', ['-h', '127.0.0.1', ...args], { encoding: 'utf8', timeout: 10_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

beforeEach(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'board-interop-'));
  ({ lab, call } = await startRealLab(dataDir, STUDENT_ID, { brokerLanHost: '127.0.0.1' }));
});

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  await board?.stop();
  board = undefined;
  await lab.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a simulated Wio Terminal on a pseudo-terminal', () => {
  it("shows its lines and understands them (connected to the broker), plots its telemetry, and obeys a sent line", async () => {
    board = await startSimulatedBoard('wio');
    const opened = await call('board.open', { path: board.portPath });
    expect(opened).toMatchObject({ state: 'open', path: board.portPath, baudRate: 9600, dtr: true });
    board.powerOn();
    await eventually(async () => (await inLines()).filter((text) => text.startsWith('Sending telemetry')).length >= 2, 'telemetry lines');
    const lines = await inLines();
    expect(lines.slice(0, 4)).toEqual([
      'Connecting to WiFi..',
      'Connected!',
      'Attempting MQTT connection...Retying in 5 seconds - failed, rc=-2',
      'Attempting MQTT connection...connected',
    ]);
    const { understanding, ports } = await state();
    expect(understanding).toMatchObject({ phase: 'broker-connected', message: 'board connected to the broker' });
    expect(understanding.lastTelemetry?.text).toMatch(/^\{"light":\d+\}$/);
    expect(ports.rememberedPaths).toContain(board.portPath);
    const plot = await call('board.getPlot', {});
    expect(plot.series.find((series) => series.name === 'light')?.values.length).toBeGreaterThanOrEqual(2);

    await call('board.sendLine', { text: '{"led_on": true}', lineEnding: 'lf' });
    await eventually(async () => (await inLines()).includes('Message received:{"led_on": true}'), 'the board to echo the command');
  });

  it('unplugged mid-stream: says "board unplugged", reopens by itself when it is back, and goes on', async () => {
    board = await startSimulatedBoard('bridge');
    await call('board.open', { path: board.portPath });
    board.powerOn();
    await eventually(async () => (await inLines()).length >= 2, 'some lines');
    await board.unplug();
    const unplugged = await eventually(async () => ((await state()).serial.state === 'unplugged' ? (await state()).serial : undefined), 'the unplugged state');
    expect(unplugged.message).toContain('board unplugged');
    const countBefore = (await inLines()).length;

    const replugAtMs = Date.now();
    await board.replug();
    await eventually(async () => (await state()).serial.state === 'open', 'the port to be reopened', 5000);
    expect(Date.now() - replugAtMs).toBeLessThan(3000);
    await eventually(async () => (await inLines()).length > countBefore + 1, 'lines after the replug');
  });
});

describe('the USB bridge end to end with the built-in broker', () => {
  it('mosquitto_sub sees the board\'s telemetry and a mosquitto_pub command reaches the board; it survives a replug', async () => {
    board = await startSimulatedBoard('bridge');
    await call('board.open', { path: board.portPath });
    board.powerOn();
    await call('board.setBridge', { enabled: true });
    await eventually(async () => (await state()).bridge.state === 'running', 'the bridge to run');
    const port = String(lab.broker.getStatus().tcpPort);

    const seen = await subscribe(['-p', port, '-t', `${STUDENT_ID}/telemetry`], 2);
    for (const line of seen) expect(line).toMatch(new RegExp(`^${STUDENT_ID}/telemetry \\{"light": \\d+\\}$`));

    await eventually(async () => {
      publish(['-p', port, '-t', `${STUDENT_ID}/commands`, '-m', '{"led_on": true}']);
      return (await inLines()).includes('LED on');
    }, 'the board to switch its LED on');
    expect((await state()).bridge.toBoardCount).toBeGreaterThanOrEqual(1);
    expect((await state()).bridge.toMqttCount).toBeGreaterThanOrEqual(2);

    await board.unplug();
    await eventually(async () => (await state()).bridge.state === 'waiting-for-board', 'the bridge to wait for the board');
    await board.replug();
    await eventually(async () => (await state()).bridge.state === 'running', 'the bridge to resume');
    expect((await subscribe(['-p', port, '-t', `${STUDENT_ID}/telemetry`], 1))[0]).toMatch(/"light"/);
  });

  it('LAN mode: a board client needs the generated username and password there (127.0.0.1 in this test)', async () => {
    board = await startSimulatedBoard('bridge');
    await call('board.open', { path: board.portPath });
    board.powerOn();
    await call('board.setBridge', { enabled: true });
    const lan = await call('board.setLanBroker', { enabled: true });
    expect(lan).toMatchObject({ enabled: true, state: 'on', username: 'mqttlab-board' });
    const lanPort = String(lan.port);
    expect(lanPort).not.toBe(String(lab.broker.getStatus().tcpPort));

    const refused = publish(['-p', lanPort, '-t', `${STUDENT_ID}/commands`, '-m', '{"led_on": false}']);
    expect(refused.status).not.toBe(0);
    expect(refused.output.toLowerCase()).toMatch(/not authori[sz]ed/);

    const seen = await subscribe(['-p', lanPort, '-u', lan.username, '-P', lan.password, '-t', `${STUDENT_ID}/telemetry`], 1);
    expect(seen[0]).toMatch(/"light"/);
    const config = await call('board.getConfig', { address: '127.0.0.1' });
    expect(config.configH).toContain(`const int BROKER_PORT = ${lanPort};`);

    const off = await call('board.setLanBroker', { enabled: false });
    expect(off.state).toBe('off');
    expect(publish(['-p', lanPort, '-u', lan.username, '-P', lan.password, '-t', 'x', '-m', 'y']).status).not.toBe(0);
  });
});
