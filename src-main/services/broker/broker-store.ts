// The built-in broker's on-disk store (LevelDB through aedes-persistence-level): sessions, subscriptions, queued
// QoS 1/2 messages and retained messages outlive a crashed worker. Runs in the worker; never fails a broker start:
// a store it cannot use is set aside (or, when another process holds it, memory is used) with a sentence saying so.
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ClassicLevel } from 'classic-level';
import { errorText, type ErrorText } from '../../../src-shared/i18n/error-text';
import type { BrokerStoreConfig } from './broker-protocol';

export interface BrokerStore {
  /** For aedes' `persistence` option; undefined = aedes' in-memory store. */
  persistence: unknown;
  /**
   * aedes' broker id. The store orders a client's queued messages by (broker id, counter), and aedes' counter starts
   * at 0 in every process, so each run's id sorts after the previous one's: messages queued before a restart are
   * delivered before those queued after it. A new id per process also keeps aedes' per-broker de-duplication apart.
   */
  brokerId: string;
  /** Set when the store could not be used as it was: what happened, for the student (a key; folders and causes as values). */
  note?: ErrorText;
  close(): Promise<void>;
}

/** A worker that was just killed may still hold the lock for a moment while the OS tears it down. */
const LOCK_WAIT_MS = 5000;
const LOCK_RETRY_MS = 100;

export function runBrokerId(nowMs = Date.now()): string {
  return `mqtt-lab-${String(nowMs).padStart(16, '0')}`;
}

function levelCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function reason(error: unknown): string {
  const cause = (error as { cause?: unknown } | null)?.cause;
  const detail = cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error);
  return detail.replace(/\s+/g, ' ').trim();
}

async function openLevel(dir: string): Promise<ClassicLevel<string, Buffer>> {
  // Loaded on first use: a broker without a store (tests, tools) starts without the native binding.
  const { ClassicLevel: Level } = await import('classic-level');
  const db = new Level<string, Buffer>(dir, { valueEncoding: 'buffer' });
  const startedMs = Date.now();
  for (;;) {
    try {
      await db.open();
      return db;
    } catch (error) {
      if (levelCode(error) !== 'LEVEL_LOCKED' || Date.now() - startedMs > LOCK_WAIT_MS) throw error;
      await new Promise((resolve) => setTimeout(resolve, LOCK_RETRY_MS));
    }
  }
}

async function onDisk(db: ClassicLevel<string, Buffer>, brokerId: string, note?: ErrorText): Promise<BrokerStore> {
  const { default: aedesPersistenceLevel } = await import('aedes-persistence-level');
  const persistence = aedesPersistenceLevel(db);
  return { persistence, brokerId, note, close: () => persistence.destroy() };
}

function inMemory(brokerId: string, note: ErrorText): BrokerStore {
  return { persistence: undefined, brokerId, note, close: async () => {} };
}

/** Opens (and for a fresh run empties) the store; without a config the broker keeps everything in memory, as aedes does. */
export async function openBrokerStore(config: BrokerStoreConfig | undefined, brokerId = runBrokerId()): Promise<BrokerStore> {
  if (!config) return { persistence: undefined, brokerId, close: async () => {} };
  try {
    await mkdir(path.dirname(config.dir), { recursive: true });
    const db = await openLevel(config.dir);
    if (config.fresh) await db.clear();
    return await onDisk(db, brokerId);
  } catch (error) {
    if (levelCode(error) === 'LEVEL_LOCKED') {
      return inMemory(brokerId, errorText('errors.broker.storeInUse', { dir: config.dir }));
    }
    return setAside(config, brokerId, reason(error));
  }
}

/** An unreadable store goes to <dir>-unreadable (replacing an older one) and the broker starts with an empty one. */
async function setAside(config: BrokerStoreConfig, brokerId: string, why: string): Promise<BrokerStore> {
  const aside = `${config.dir}-unreadable`;
  try {
    await rm(aside, { recursive: true, force: true });
    await rename(config.dir, aside).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    });
    const db = await openLevel(config.dir);
    // A fresh run would have emptied the store anyway, so nothing the student had is lost: no need to say anything.
    if (config.fresh) return await onDisk(db, brokerId);
    return await onDisk(db, brokerId, errorText('errors.broker.storeUnreadable', { why, aside }));
  } catch (error) {
    return inMemory(brokerId, errorText('errors.broker.storeUnusable', { dir: config.dir, why, detail: reason(error) }));
  }
}
