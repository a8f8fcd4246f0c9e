// Decides whether the device's LED follows the server's commands (E5). The LED is visible to the lab for its own
// virtual device and for code that drives the LED through the CounterFit endpoint; a real board's LED is not.
// O(1) per command or device change.
import type { DeviceState } from '../../../src-shared/contract/nightlight';

/** How long a device may take to obey before the check says the LED is not following. */
export const FOLLOW_TIMEOUT_MS = 3000;

export type FollowEvent =
  | { kind: 'followed'; ledOn: boolean }
  | { kind: 'not-following'; commandLedOn: boolean; ledOn: boolean; seconds: number };

export class LedFollower {
  private device: DeviceState | null = null;
  /** An LED change caused by a command or a CounterFit call was seen: from then on the LED counts as visible. */
  private sawLedDriven = false;
  private pending: { ledOn: boolean; atMs: number } | null = null;
  private reportedStuck = false;

  constructor(private readonly commandTopic: string) {}

  /** The lab can see the LED that these commands switch. */
  get visible(): boolean {
    if (this.sawLedDriven) return true;
    const device = this.device;
    if (!device) return false;
    const listening = device.settings.mode === 'virtual' && device.powered && device.listeningForCommands;
    return listening && device.settings.commandTopic === this.commandTopic;
  }

  deviceChanged(device: DeviceState): FollowEvent | null {
    this.device = device;
    if (this.drivenByOurCommands(device)) this.sawLedDriven = true;
    return this.evaluate();
  }

  command(ledOn: boolean, atMs: number): FollowEvent | null {
    this.pending = { ledOn, atMs };
    this.reportedStuck = false;
    return this.evaluate();
  }

  /** Called about once a second: a command that was not obeyed in time is reported once. */
  tick(nowMs: number): FollowEvent | null {
    const pending = this.pending;
    if (!pending || this.reportedStuck || !this.visible || nowMs - pending.atMs < FOLLOW_TIMEOUT_MS) return null;
    this.reportedStuck = true;
    const ledOn = this.device?.led.on ?? false;
    return { kind: 'not-following', commandLedOn: pending.ledOn, ledOn, seconds: Math.round((nowMs - pending.atMs) / 1000) };
  }

  private drivenByOurCommands(device: DeviceState): boolean {
    const source = device.led.source;
    if (source === 'http') return true;
    return source === 'command' && device.settings.commandTopic === this.commandTopic;
  }

  private evaluate(): FollowEvent | null {
    const pending = this.pending;
    const device = this.device;
    if (!pending || !device || !this.drivenByOurCommands(device)) return null;
    if (device.led.on !== pending.ledOn) return null;
    this.pending = null;
    return { kind: 'followed', ledOn: pending.ledOn };
  }
}
