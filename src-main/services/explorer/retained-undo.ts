// Remembers the retained messages the explorer cleared, for a short undo window, keyed by an unguessable token.
// Holds copies of the bytes (history may drop the original meanwhile); expired entries are dropped on every use.
import { randomUUID } from 'node:crypto';
import { LabError } from '../../../src-shared/contract/result';
import { errorText } from '../../../src-shared/i18n/error-text';
import { bytesOf } from './payload-view';
import type { StoredMessage } from './topic-node';

export const UNDO_WINDOW_SECONDS = 30;
/** At most this many undo entries are kept; clearing many topics fast keeps the newest. */
const MAX_ENTRIES = 50;

interface Saved {
  topic: string;
  bytes: Buffer;
  expiresAtMs: number;
}

export class RetainedUndo {
  private readonly saved = new Map<string, Saved>();
  readonly windowSeconds = UNDO_WINDOW_SECONDS;

  constructor(private readonly now: () => number) {}

  remember(message: StoredMessage): string {
    this.dropExpired();
    if (this.saved.size >= MAX_ENTRIES) {
      const oldest = this.saved.keys().next().value;
      if (oldest !== undefined) this.saved.delete(oldest);
    }
    const token = randomUUID();
    this.saved.set(token, { topic: message.node.topic, bytes: Buffer.from(bytesOf(message)), expiresAtMs: this.now() + UNDO_WINDOW_SECONDS * 1000 });
    return token;
  }

  /** The saved message for a token, removed so an undo happens once. */
  take(token: string): { topic: string; bytes: Buffer } {
    this.dropExpired();
    const saved = this.saved.get(token);
    if (!saved) {
      throw new LabError(
        'NOT_FOUND',
        errorText('errors.explorer.undoGone', { seconds: UNDO_WINDOW_SECONDS }),
        'undoToken',
      );
    }
    this.saved.delete(token);
    return { topic: saved.topic, bytes: saved.bytes };
  }

  private dropExpired(): void {
    const now = this.now();
    for (const [token, saved] of this.saved) if (saved.expiresAtMs <= now) this.saved.delete(token);
  }
}
