// Keeps what the lab understood from the board's lines: Wi-Fi and broker phase (with the rc explained), and the last
// telemetry and command it printed. One line at a time, O(1); no timers.
import type { BoardUnderstanding } from '../../../src-shared/contract/board';
import { jsonObjectIn } from './plot-parser';
import { parseWioLine, phaseMessage, type WioLine } from './wio-lines';

export class Understanding {
  private state: BoardUnderstanding;

  constructor(private readonly now: () => number = Date.now) {
    this.state = this.initial();
  }

  get current(): BoardUnderstanding {
    return { ...this.state };
  }

  /** Returns what the line meant (null: nothing the lab understands), and updates the state. */
  observe(line: string): WioLine | null {
    const atMs = this.now();
    const parsed = parseWioLine(line);
    if (parsed?.kind === 'phase') this.state = { ...this.state, phase: parsed.phase, rc: null, message: phaseMessage(parsed.phase, null), sinceMs: atMs };
    else if (parsed?.kind === 'failed') this.state = { ...this.state, phase: 'broker-failed', rc: parsed.rc, message: phaseMessage('broker-failed', parsed.rc), sinceMs: atMs };
    else if (parsed?.kind === 'telemetry') this.state = { ...this.state, lastTelemetry: { text: parsed.text, atMs } };
    else if (parsed?.kind === 'command') this.state = { ...this.state, lastCommand: { text: parsed.text, atMs } };
    else if (line.trimStart().startsWith('{') && jsonObjectIn(line)) {
      // A USB-bridge sketch prints its readings as bare JSON lines.
      this.state = { ...this.state, lastTelemetry: { text: line.trim(), atMs } };
      return { kind: 'telemetry', text: line.trim() };
    }
    return parsed;
  }

  reset(): void {
    this.state = this.initial();
  }

  private initial(): BoardUnderstanding {
    return { phase: 'unknown', rc: null, message: phaseMessage('unknown', null), sinceMs: this.now(), lastTelemetry: null, lastCommand: null };
  }
}
