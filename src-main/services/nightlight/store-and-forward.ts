// Replays the device's stored readings in order once the connection is back: one at a time, each removed from the
// disk queue only after it was handed to the broker, so a drop halfway leaves the rest for next time.
import type { DeviceLink } from './device-link';
import type { TelemetryQueue } from './telemetry-queue';

export interface ReplayEvents {
  started(count: number): void;
  progressed(): void;
  finished(sent: number, stoppedEarly: boolean): void;
}

export class StoreAndForward {
  private running = false;

  constructor(
    private readonly queue: TelemetryQueue,
    private readonly link: DeviceLink,
    private readonly events: ReplayEvents,
  ) {}

  get replaying(): boolean {
    return this.running;
  }

  /** Starts sending the queue if there is one and nothing is sending it already. */
  kick(): void {
    if (this.running || !this.link.connected || this.queue.length === 0) return;
    this.running = true;
    void this.run();
  }

  private async run(): Promise<void> {
    let sent = 0;
    let stoppedEarly = false;
    this.events.started(this.queue.length);
    try {
      for (let item = this.queue.peek(); item; item = this.queue.peek()) {
        if (!this.link.connected) {
          stoppedEarly = true;
          break;
        }
        try {
          await this.link.publish(item.topic, item.payload, item.qos, item.retain);
        } catch {
          stoppedEarly = true;
          break;
        }
        this.queue.remove(item.seq);
        sent += 1;
        this.events.progressed();
      }
    } finally {
      this.running = false;
      this.events.finished(sent, stoppedEarly);
    }
  }
}
