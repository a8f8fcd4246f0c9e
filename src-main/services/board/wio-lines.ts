// Understands the lesson's Wio Terminal Serial lines (Wi-Fi, MQTT connect, rc codes, telemetry, commands).
// Pure: one line in, what it means out; the exact lesson spellings (including "Retying") are matched.
import { PUBSUB_RC, type BoardPhase } from '../../../src-shared/contract/board';

export type WioLine =
  | { kind: 'phase'; phase: Exclude<BoardPhase, 'unknown' | 'broker-failed'> }
  | { kind: 'failed'; rc: number }
  | { kind: 'telemetry'; text: string }
  | { kind: 'command'; text: string };

const CONNECTING_WIFI = /^Connecting to WiFi\.\./;
const WIFI_CONNECTED = /^Connected!\s*$/;
const ATTEMPTING = 'Attempting MQTT connection...';
const FAILED_RC = /failed, rc=(-?\d+)/;
const TELEMETRY = /^Sending telemetry (.*)$/;
const COMMAND = /^Message received:(.*)$/;

export function parseWioLine(line: string): WioLine | null {
  const failed = FAILED_RC.exec(line);
  if (failed) return { kind: 'failed', rc: Number(failed[1]) };
  if (line.startsWith(ATTEMPTING)) {
    const rest = line.slice(ATTEMPTING.length).trim();
    return { kind: 'phase', phase: rest === 'connected' ? 'broker-connected' : 'connecting-broker' };
  }
  // The lesson prints "Attempting MQTT connection..." and "connected" with print + println: one line, but a
  // monitor opened in between may see only the tail.
  if (line.trim() === 'connected') return { kind: 'phase', phase: 'broker-connected' };
  if (CONNECTING_WIFI.test(line)) return { kind: 'phase', phase: 'joining-wifi' };
  if (WIFI_CONNECTED.test(line)) return { kind: 'phase', phase: 'wifi-joined' };
  const telemetry = TELEMETRY.exec(line);
  if (telemetry) return { kind: 'telemetry', text: telemetry[1]!.trim() };
  const command = COMMAND.exec(line);
  if (command) return { kind: 'command', text: command[1]!.trim() };
  return null;
}

const PHASE_MESSAGES: Record<Exclude<BoardPhase, 'broker-failed'>, string> = {
  unknown: 'Nothing from the board about Wi-Fi or MQTT yet.',
  'joining-wifi': 'board is joining Wi-Fi',
  'wifi-joined': 'board joined Wi-Fi',
  'connecting-broker': 'board is connecting to the broker',
  'broker-connected': 'board connected to the broker',
};

/** "board failed to connect, rc=-2: it could not reach the broker. Check the BROKER address and ..." */
export function explainRc(rc: number): string {
  const known = PUBSUB_RC.find((entry) => entry.rc === rc);
  const phrase = known ? known.phrase : 'PubSubClient gave a code the lab does not know';
  return `board failed to connect, rc=${rc}: ${phrase}`;
}

export function phaseMessage(phase: BoardPhase, rc: number | null): string {
  return phase === 'broker-failed' ? explainRc(rc ?? 0) : PHASE_MESSAGES[phase];
}
