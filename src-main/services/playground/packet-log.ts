// The playground's packet log: numbers entries, keeps the last MAX_PACKET_LOG_ENTRIES, and hands them on in order,
// batched (at most one batch per batchIntervalMs). O(1) work per packet; it never reads the network itself.
import { MAX_PACKET_LOG_ENTRIES, type LogEntry, type NoteEntry } from '../../../src-shared/contract/playground';
import { labText } from '../../../src-shared/i18n/lab-text';
import type { PacketDraft } from './packet-entries';

export interface LogSource {
  clientKey: string;
  clientName: string;
  clientNameText?: LogEntry['clientNameText'];
}

export type NoteDraft = Pick<NoteEntry, 'kind' | 'event' | 'texts'>;
/** One sentence of a note, as a key: a `playground.*` lab text or an error's text. */
export type NoteText = NoteEntry['texts'][number];

/** An entry waiting for one more fact (what the proxy did) before it is handed on. */
export interface PendingEntry {
  complete(patch: Pick<PacketDraft, 'proxyAction' | 'delayMs'>): void;
  readonly type: PacketDraft['type'];
}

export interface PacketLogOptions {
  emit(entries: LogEntry[]): void;
  batchIntervalMs?: number;
  /** How long an entry may wait for its proxy fact before it goes out without it. */
  maxWaitMs?: number;
  maxEntries?: number;
}

interface Queued {
  entry: LogEntry;
  ready: boolean;
  createdAtMs: number;
}

export class PacketLog {
  private kept: LogEntry[] = [];
  private queue: Queued[] = [];
  private nextSeq = 1;
  private timer: NodeJS.Timeout | undefined;
  private overflow = 0;
  private pausedNow = false;
  private readonly batchIntervalMs: number;
  private readonly maxWaitMs: number;
  private readonly maxEntries: number;

  constructor(private readonly options: PacketLogOptions) {
    this.batchIntervalMs = options.batchIntervalMs ?? 50;
    this.maxWaitMs = options.maxWaitMs ?? 300;
    this.maxEntries = options.maxEntries ?? MAX_PACKET_LOG_ENTRIES;
  }

  get paused(): boolean {
    return this.pausedNow;
  }

  setPaused(paused: boolean): void {
    this.pausedNow = paused;
  }

  add(source: LogSource, draft: PacketDraft | NoteDraft): void {
    this.enqueue(source, draft, true);
  }

  note(source: LogSource, event: NoteEntry['event'], ...texts: [NoteText, ...NoteText[]]): void {
    this.enqueue(source, { kind: 'note', event, texts }, true);
  }

  /** Adds an entry that goes out once complete() is called, or after maxWaitMs without the extra fact. */
  addPending(source: LogSource, draft: PacketDraft): PendingEntry | undefined {
    const queued = this.enqueue(source, draft, false);
    if (!queued) return undefined;
    return {
      type: draft.type,
      complete: (patch) => {
        Object.assign(queued.entry, patch);
        queued.ready = true;
      },
    };
  }

  list(): LogEntry[] {
    return this.kept.slice(-this.maxEntries);
  }

  clear(): void {
    this.kept = [];
    this.queue = [];
    this.overflow = 0;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.queue = [];
  }

  private enqueue(source: LogSource, draft: PacketDraft | NoteDraft, ready: boolean): Queued | undefined {
    if (this.pausedNow) return undefined;
    if (this.queue.length >= this.maxEntries) {
      this.overflow += 1;
      return undefined;
    }
    const named = source.clientNameText ? { clientNameText: source.clientNameText } : {};
    const entry = { ...draft, seq: this.nextSeq++, timeMs: Date.now(), clientKey: source.clientKey, clientName: source.clientName, ...named } as LogEntry;
    const queued = { entry, ready, createdAtMs: Date.now() };
    this.queue.push(queued);
    this.timer ??= setTimeout(() => this.flush(), this.batchIntervalMs);
    return queued;
  }

  private flush(): void {
    this.timer = undefined;
    const now = Date.now();
    // Entries go out in seq order: one still waiting for its proxy fact holds back the later ones, briefly.
    let ready = 0;
    while (ready < this.queue.length) {
      const head = this.queue[ready] as Queued;
      if (!head.ready && now - head.createdAtMs < this.maxWaitMs) break;
      ready += 1;
    }
    const out = this.queue.splice(0, ready).map((queued) => queued.entry);
    if (this.overflow > 0 && this.queue.length === 0) out.push(this.overflowNote(now));
    if (out.length > 0) this.keep(out);
    if (this.queue.length > 0) this.timer = setTimeout(() => this.flush(), this.batchIntervalMs);
    if (out.length > 0) this.options.emit(out);
  }

  private overflowNote(now: number): LogEntry {
    const texts = [labText('playground.notes.notLogged', { count: this.overflow })];
    this.overflow = 0;
    return { kind: 'note', seq: this.nextSeq++, timeMs: now, clientKey: '', clientName: '', event: 'problem', texts };
  }

  private keep(entries: LogEntry[]): void {
    this.kept.push(...entries);
    // Trimmed in steps of a fifth, so trimming costs O(1) per entry on average.
    if (this.kept.length > this.maxEntries * 1.2) this.kept = this.kept.slice(this.kept.length - this.maxEntries);
  }
}
