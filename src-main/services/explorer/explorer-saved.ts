// What the Explorer remembers across restarts: each broker profile's filters (with QoS), the history limits the
// student chose and the student ID the filters were saved under. Tolerant reads (a bad part is dropped with a log
// line, never a crash) and serialized atomic writes. No MQTT here: explorer-service.ts decides what to save.
import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { explorerCommands } from '../../../src-shared/contract/explorer';
import { filterSchema, qosSchema, studentIdSchema, type Qos } from '../../../src-shared/contract/schemas';
import { readJsonFile, writeFileAtomic } from '../../lib/atomic-file';
import type { Logger } from '../../lib/logger';

export interface SavedFilter {
  filter: string;
  qos: Qos;
}

export interface ExplorerSaved {
  /** The lab's student ID when this was saved: a saved "<old ID>/#" follows a new ID. */
  studentId: string | null;
  /** Broker profile id -> its filters, in the order the student added them. An empty list is kept (removed on purpose). */
  subscriptions: Record<string, SavedFilter[]>;
  historyLimits: { perTopic?: number; totalMB?: number };
}

/** More than any class needs; a file with more was not written by the lab. */
const MAX_PROFILES = 200;
const MAX_FILTERS_PER_PROFILE = 100;

const limitsShape = explorerCommands['explorer.setHistoryLimits'].input.shape;
const savedFilterSchema = z.object({ filter: filterSchema, qos: qosSchema });
const profileIdSchema = z.string().min(1).max(200);

export function emptySaved(): ExplorerSaved {
  return { studentId: null, subscriptions: {}, historyLimits: {} };
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Keeps every part that is valid on its own and names the first one that was not. */
export function savedFromUnknown(raw: unknown): { saved: ExplorerSaved; problems: string[] } {
  const saved = emptySaved();
  const problems: string[] = [];
  const root = asRecord(raw);
  if (raw === undefined) return { saved, problems };
  if (!root) return { saved, problems: ['the file is not a JSON object'] };
  const id = studentIdSchema.safeParse(root.studentId);
  if (id.success) saved.studentId = id.data;
  else if (root.studentId !== undefined) problems.push('studentId is not a student ID');
  const lists = asRecord(root.subscriptions);
  if (root.subscriptions !== undefined && !lists) problems.push('subscriptions is not an object');
  for (const [profileId, list] of Object.entries(lists ?? {}).slice(0, MAX_PROFILES)) {
    if (!profileIdSchema.safeParse(profileId).success || !Array.isArray(list)) {
      problems.push(`the filters of profile "${profileId.slice(0, 40)}" are not a list`);
      continue;
    }
    const filters: SavedFilter[] = [];
    for (const item of list.slice(0, MAX_FILTERS_PER_PROFILE)) {
      const parsed = savedFilterSchema.safeParse(item);
      if (parsed.success && !filters.some((kept) => kept.filter === parsed.data.filter)) filters.push(parsed.data);
      else if (!parsed.success) problems.push(`profile "${profileId.slice(0, 40)}" has a filter that is not valid: ${JSON.stringify(item)?.slice(0, 80)}`);
    }
    saved.subscriptions[profileId] = filters;
  }
  const limits = asRecord(root.historyLimits);
  for (const key of ['perTopic', 'totalMB'] as const) {
    const value = limits?.[key];
    if (value === undefined) continue;
    const parsed = limitsShape[key].safeParse(value);
    if (parsed.success && parsed.data !== undefined) saved.historyLimits[key] = parsed.data;
    else problems.push(`historyLimits.${key} is not allowed: ${JSON.stringify(value)?.slice(0, 40)}`);
  }
  return { saved, problems };
}

export class ExplorerSavedFile {
  /** Serializes writes, so the file always ends with the newest state. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly filePath: string,
    private readonly logger: Logger,
  ) {}

  /** What was saved; bad parts are left out and logged, an unreadable file (kept aside by readJsonFile) gives nothing. */
  async load(): Promise<ExplorerSaved> {
    const existed = await fs.access(this.filePath).then(
      () => true,
      () => false,
    );
    const raw = await readJsonFile(this.filePath).catch((error: unknown) => {
      this.logger.warn(`The explorer's saved subscriptions and history limits could not be read (${this.filePath}); starting with the defaults`, error);
      return null;
    });
    // readJsonFile keeps a file that is not JSON aside as <file>.corrupt-<time> and answers undefined.
    if (existed && raw === undefined) this.logger.warn(`The explorer's saved settings in ${this.filePath} were not valid JSON; kept aside as .corrupt-<time>, starting with the defaults`);
    const { saved, problems } = savedFromUnknown(raw ?? undefined);
    if (problems.length > 0) {
      this.logger.warn(`Ignored part of the explorer's saved settings in ${this.filePath}: ${problems.slice(0, 5).join('; ')}`);
    }
    return saved;
  }

  save(saved: ExplorerSaved): Promise<void> {
    const text = `${JSON.stringify(saved, null, 2)}\n`;
    const next = this.queue.then(() => writeFileAtomic(this.filePath, text));
    this.queue = next.catch(() => undefined);
    return next;
  }
}
