// Random bytes at the board side of a socat pseudo-terminal pair while the lab's serial session and USB bridge are
// open (real serialport, real built-in broker): invalid UTF-8, NULs, very long lines without a newline. Afterwards
// the session is still open and the board's valid JSON lines still arrive on <ID>/telemetry.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabServices } from '../../src-main/services/create-lab';
import { startRealLab, type Call } from '../support/real-lab';
import { eventually } from '../support/eventually';

const RUNS = 200;
const STUDENT_ID = 'lab-fuzz7';

let lab: LabServices;
let dataDir: string;
let ptyDir: string;
let socat: ChildProcess;
/** Written asynchronously: a blocking write to a full pseudo-terminal would stop the very event loop that reads it. */
let board: FileHandle;
let call: Call;

/** What a confused or broken board might print. */
const garbage: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 512 }),
  fc.constantFrom(
    Uint8Array.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0x0a]), // invalid UTF-8 sequences
    Uint8Array.from([0x00, 0x00, 0x00, 0x0a, 0x00, 0x0d, 0x0a]), // NULs and line ends
    Uint8Array.from([0xff, 0xfe, 0xfd]), // no newline at all
  ),
  fc.integer({ min: 1_000, max: 80_000 }).map((length) => new Uint8Array(length).fill(0x61)), // a very long line, no newline
  fc.string({ unit: 'binary', maxLength: 200 }).map((text) => new Uint8Array(Buffer.from(`{"light": ${text}\n`))), // broken JSON
);

beforeAll(async () => {
  ptyDir = mkdtempSync(path.join(os.tmpdir(), 'fuzz-pty-'));
  const boardEnd = path.join(ptyDir, 'board');
  const portPath = path.join(ptyDir, 'port');
  socat = spawn('socat', [`pty,raw,echo=0,link=${boardEnd}`, `pty,raw,echo=0,link=${portPath}`], { stdio: 'ignore' });
  await eventually(async () => existsSync(boardEnd) && existsSync(portPath), 'socat to make the pseudo-terminals', 5000);
  board = await open(boardEnd, 'r+');

  dataDir = mkdtempSync(path.join(os.tmpdir(), 'fuzz-serial-'));
  ({ lab, call } = await startRealLab(dataDir, STUDENT_ID, { brokerLanHost: '127.0.0.1' }));
  await call('board.open', { path: portPath });
  await call('board.setBridge', { enabled: true });
  await eventually(async () => (await call('board.getState', {})).bridge.state === 'running', 'the bridge to run');
});

afterAll(async () => {
  await board?.close();
  await lab?.dispose();
  if (socat && socat.exitCode === null) {
    const exited = new Promise((resolve) => socat.once('exit', resolve));
    socat.kill('SIGTERM');
    await exited;
  }
  for (const dir of [dataDir, ptyDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the serial session and the USB bridge survive a board printing garbage', () => {
  it('random bytes, invalid UTF-8, NULs and endless lines; then valid telemetry still reaches MQTT', async () => {
    await fc.assert(
      fc.asyncProperty(garbage, async (data) => {
        await board.write(data);
      }),
      { numRuns: RUNS },
    );
    const { serial } = await call('board.getState', {});
    expect(serial.state).toBe('open');

    const port = lab.broker.getStatus().tcpPort!;
    const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, { reconnectPeriod: 0 });
    try {
      await client.subscribeAsync(`${STUDENT_ID}/telemetry`);
      const seen: string[] = [];
      client.on('message', (_topic, payload) => seen.push(payload.toString()));
      // A newline first ends whatever half line the garbage left; then the board's normal lines.
      await eventually(async () => {
        await board.write(Buffer.from('\n{"light": 123}\n'));
        return seen.includes('{"light": 123}');
      }, 'a valid telemetry line to arrive on the telemetry topic');
    } finally {
      await client.endAsync();
    }
    const after = await call('board.getState', {});
    expect(after.serial.state).toBe('open');
    expect(after.bridge.state).toBe('running');
    const lines = (await call('board.getLog', { limit: 5000 })).lines.filter((line) => line.kind === 'in').map((line) => line.text);
    expect(lines).toContain('{"light": 123}');
  });
});
