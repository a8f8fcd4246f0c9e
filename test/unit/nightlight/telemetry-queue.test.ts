// The store-and-forward queue on disk: bounded (oldest dropped and counted), kept across a reopen in order,
// and a corrupt file gives an empty queue instead of a crash.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/lib/logger';
import { TelemetryQueue } from '../../../src-main/services/nightlight/telemetry-queue';

describe('TelemetryQueue', () => {
  let folder: string;
  let file: string;
  beforeEach(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'queue-'));
    file = path.join(folder, 'queue.json');
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const reading = (light: number) => ({ topic: 'x/telemetry', payload: `{"light": ${light}}`, qos: 0 as const, retain: false, queuedAtMs: light });

  it('keeps readings in order across a reopen', async () => {
    const queue = await TelemetryQueue.open(file, 10, silentLogger);
    for (const light of [1, 2, 3]) queue.push(reading(light));
    const first = queue.peek();
    if (first) queue.remove(first.seq);
    await queue.flush();
    const reopened = await TelemetryQueue.open(file, 10, silentLogger);
    expect(reopened.head(10).map((item) => item.payload)).toEqual(['{"light": 2}', '{"light": 3}']);
    // New readings continue the numbering, so order stays clear.
    const next = reopened.push(reading(4));
    expect(next.seq).toBeGreaterThan(reopened.head(1)[0]?.seq ?? 0);
  });

  it('drops the oldest when full and counts it', async () => {
    const queue = await TelemetryQueue.open(file, 3, silentLogger);
    for (const light of [1, 2, 3, 4, 5]) queue.push(reading(light));
    expect(queue.head(10).map((item) => item.queuedAtMs)).toEqual([3, 4, 5]);
    expect(queue.droppedCount).toBe(2);
    await queue.flush();
  });

  it('starts empty from a corrupt file and keeps the corrupt copy', async () => {
    writeFileSync(file, '{"items": [');
    const queue = await TelemetryQueue.open(file, 3, silentLogger);
    expect(queue.length).toBe(0);
    expect(readdirSync(folder).some((name) => name.startsWith('queue.json.corrupt-'))).toBe(true);
  });

  it('does not remove an item that is no longer first (the queue was cleared meanwhile)', async () => {
    const queue = await TelemetryQueue.open(file, 3, silentLogger);
    const item = queue.push(reading(1));
    queue.clear();
    queue.push(reading(2));
    queue.remove(item.seq);
    expect(queue.length).toBe(1);
    await queue.flush();
  });
});
