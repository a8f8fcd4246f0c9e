// SIGKILL the real headless host (and its broker worker) at random moments while a driver keeps saving settings,
// a broker profile and lesson notes over the WebSocket bridge and the nightlight queues telemetry with its network
// cut; after each kill every file must parse and pass its schema, nothing may be set aside as corrupt, every
// acknowledged save must be on disk, and queued readings the lab reported at least 1 s before the kill must be kept.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsSchema } from '../../src-shared/contract/schemas';
import { serveLab } from '../support/serve-lab';
import { connectBridge, startHost, type Host } from './support/host-process';

const KILLS = 15;
const ACK_AGE_MS = 1000;

let dataDir: string;
let host: Host | undefined;
const counters = { settings: 0, profile: 0, notes: 0 };

/** A small seeded generator, so a failing run's kill times can be repeated (the seed is printed). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function readJson(file: string): unknown {
  const text = readFileSync(path.join(dataDir, file), 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`${file} is not valid JSON after a kill (${(error as Error).message}):\n${text.slice(0, 300)}`);
  }
}

function allFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? allFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

interface Acked {
  settings: number;
  profile: number;
  notes: number;
  /** Queue seqs seen in nightlight.getState, with when they were seen. */
  queueSeen: Array<{ atMs: number; seqs: number[] }>;
}

/** One life of the host: cut the device's network, then save in three loops until killed. */
async function driveUntilKilled(killAfterMs: number, random: () => number): Promise<{ acked: Acked; killedAtMs: number; startMs: number }> {
  const startedAtMs = Date.now();
  host = await startHost(dataDir);
  const startMs = Date.now() - startedAtMs;
  const bridge = await connectBridge(host);
  const acked: Acked = { settings: 0, profile: 0, notes: 0, queueSeen: [] };
  let running = true;
  await bridge.invoke('nightlight.updateDevice', { storeAndForward: true, telemetryIntervalMs: 100 });
  await bridge.invoke('nightlight.setNetwork', { up: false });

  const loops = [
    (async () => {
      while (running) {
        const n = ++counters.settings;
        const result = await bridge.invoke('settings.update', { studentId: `crash-${n}` });
        if (result?.ok) acked.settings = n;
      }
    })(),
    (async () => {
      while (running) {
        const n = ++counters.profile;
        const input = { id: 'crash-school', name: `School ${n}`, kind: 'custom', host: '127.0.0.1', port: n, transport: 'mqtt', clientId: 'crash' };
        const result = await bridge.invoke('profiles.save', input);
        if (result?.ok) acked.profile = n;
      }
    })(),
    (async () => {
      while (running) {
        const n = ++counters.notes;
        const result = await bridge.invoke('lesson.saveNotes', { assignment: `notes ${n} ${'x'.repeat(Math.floor(random() * 4000))}` });
        if (result?.ok) acked.notes = n;
      }
    })(),
    (async () => {
      while (running) {
        const result = await bridge.invoke('nightlight.getState', {});
        const queue = (result?.ok ? (result.value as { device: { queue: { items: Array<{ seq: number }> } } }).device.queue : undefined);
        if (queue) acked.queueSeen.push({ atMs: Date.now(), seqs: queue.items.map((item) => item.seq) });
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })(),
  ];
  await new Promise((resolve) => setTimeout(resolve, killAfterMs));
  const killedAtMs = Date.now();
  host.kill();
  running = false;
  bridge.close();
  await Promise.allSettled(loops);
  await host.exited;
  return { acked, killedAtMs, startMs };
}

function checkFilesAfterKill({ acked, killedAtMs }: { acked: Acked; killedAtMs: number }, label: string): void {
  const files = allFiles(dataDir);
  expect(files.filter((file) => file.includes('.corrupt-')), `${label}: files set aside as corrupt`).toEqual([]);
  for (const file of files.filter((name) => name.endsWith('.json'))) readJson(file);

  const settings = settingsSchema.parse(readJson('settings.json'));
  const savedSettings = Number(/^crash-(\d+)$/.exec(settings.studentId)?.[1] ?? 0);
  expect(savedSettings, `${label}: settings`).toBeGreaterThanOrEqual(acked.settings);

  const profiles = readJson('profiles.json') as { profiles: Array<{ id: string; port: number; name: string }> };
  const school = profiles.profiles.find((profile) => profile.id === 'crash-school');
  if (acked.profile > 0) expect(school, `${label}: the saved profile`).toBeDefined();
  expect(school?.port ?? 0, `${label}: profile`).toBeGreaterThanOrEqual(acked.profile);
  expect(school?.name).toBe(`School ${school?.port}`);

  const lesson = readJson('lesson/progress.json') as { activeProfileId: string; profiles: Array<{ id: string; progress: { assignment: string } }> };
  const active = lesson.profiles.find((profile) => profile.id === lesson.activeProfileId);
  const savedNotes = Number(/^notes (\d+) x*$/.exec(active?.progress.assignment ?? '')?.[1] ?? 0);
  expect(savedNotes, `${label}: lesson notes`).toBeGreaterThanOrEqual(acked.notes);

  // The queue file appears with the first queued reading.
  const queueFile = 'nightlight/queue.json';
  const queue = (existsSync(path.join(dataDir, queueFile)) ? readJson(queueFile) : { items: [] }) as { items: Array<{ seq: number }> };
  const onDisk = new Set(queue.items.map((item) => item.seq));
  const old = acked.queueSeen.filter((seen) => seen.atMs <= killedAtMs - ACK_AGE_MS).at(-1);
  for (const seq of old?.seqs ?? []) expect(onDisk.has(seq), `${label}: queued reading ${seq} seen ${killedAtMs - old!.atMs} ms before the kill`).toBe(true);
}

beforeAll(async () => {
  // Builds the host when its build is missing or stale; every later start runs the build directly.
  const warm = await serveLab({ timeoutMs: 300_000 });
  await warm.stop();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'crash-safety-'));
}, 320_000);

afterAll(async () => {
  host?.kill();
  await host?.exited;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('SIGKILL during writes', () => {
  it(`after ${KILLS} kills at random moments no file is corrupt and no acknowledged save is lost`, async () => {
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
    const random = seededRandom(seed);
    const log: string[] = [`seed ${seed} (CRASH_SEED=${seed} repeats these kill times)`];
    let queuedChecked = 0;
    for (let life = 1; life <= KILLS; life += 1) {
      const killAfterMs = 50 + Math.floor(random() * 1750);
      const outcome = await driveUntilKilled(killAfterMs, random);
      const label = `kill ${life} at ${killAfterMs} ms (${log[0]})`;
      checkFilesAfterKill(outcome, label);
      queuedChecked += outcome.acked.queueSeen.filter((seen) => seen.atMs <= outcome.killedAtMs - ACK_AGE_MS).at(-1)?.seqs.length ?? 0;
      log.push(`${label.split(' (')[0]} (start ${outcome.startMs} ms): acked settings ${outcome.acked.settings}, profile ${outcome.acked.profile}, notes ${outcome.acked.notes}`);
      console.info(log.at(-1));
    }
    // The last life ends normally: the lab starts on the same data and reads what the driver saved.
    host = await startHost(dataDir);
    const bridge = await connectBridge(host);
    const settings = await bridge.invoke('settings.get', {});
    expect(settings).toMatchObject({ ok: true });
    bridge.close();
    await host.stop();
    console.info(`${log[0]}; queued readings checked: ${queuedChecked}`);
    expect(counters.settings).toBeGreaterThan(KILLS);
    // A kill between a temp file's write and its rename leaves the temp file; the next start sweeps it.
    expect(allFiles(dataDir).filter((file) => file.endsWith('.tmp'))).toEqual([]);
  }, 300_000);
});
