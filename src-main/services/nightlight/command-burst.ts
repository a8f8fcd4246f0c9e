// The offline command policy: right after a reconnect, commands can arrive in a burst (answers to replayed readings,
// commands a kept session held). latest-wins applies only the newest of the burst; keep-order applies each as it comes.
import type { OfflineCommandPolicy } from '../../../src-shared/contract/nightlight';
import { note, type LedCause } from './lab-notes';
import type { Print } from './virtual-device';

/** How long after the replay ends the burst is still collected: the server's answers take a moment to come back. */
export const COMMAND_SETTLE_MS = 500;

export class CommandBurst {
  private policy: OfflineCommandPolicy | undefined;
  private pending: { on: boolean; detail: LedCause } | undefined;
  private count = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly apply: (on: boolean, detail: LedCause) => void,
    private readonly print: Print,
  ) {}

  /** A reconnect: collect commands until replayFinished() + COMMAND_SETTLE_MS. */
  open(policy: OfflineCommandPolicy): void {
    this.close();
    this.policy = policy;
  }

  replayFinished(): void {
    if (!this.policy) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.close(), COMMAND_SETTLE_MS);
  }

  command(on: boolean, detail: LedCause): void {
    if (this.policy === 'latest-wins') {
      this.pending = { on, detail };
      this.count += 1;
      return;
    }
    this.apply(on, detail);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.policy = undefined;
    this.pending = undefined;
  }

  private close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const { pending, count } = this;
    this.policy = undefined;
    this.pending = undefined;
    this.count = 0;
    if (!pending) return;
    if (count > 1) this.print(note('latestWins', { count }), 'lab-note');
    this.apply(pending.on, pending.detail);
  }
}
