// The exact lines the lesson's device programs print (Python with print(), Wio Terminal with Serial.print),
// and the telemetry payloads they send. Pure; the virtual device decides when to print them.
import type { TextValue } from '../../../src-shared/i18n/format-lab-text';
import type { ConsoleStyle } from '../../../src-shared/contract/nightlight';
import { englishOf, type LabSentence } from '../../../src-shared/i18n/lab-text';
import { note } from './lab-notes';
import { pythonJsonDumps, pythonRepr } from './python-repr';

/** Python: json.dumps({'light': light}) = `{"light": 0}`; Wio: ArduinoJson's serializeJson = `{"light":652}`. */
export function telemetryPayload(style: ConsoleStyle, light: number): string {
  return style === 'python' ? pythonJsonDumps({ light }) : JSON.stringify({ light });
}

/** The line printed once the MQTT connection is up. */
export function connectedLine(style: ConsoleStyle): string {
  return style === 'python' ? 'MQTT connected!' : 'Attempting MQTT connection...connected';
}

/** The Wio Terminal prints this when a connection attempt fails; the Python program would crash instead. */
export function connectFailedLine(style: ConsoleStyle, reason: TextValue): { text: string; kind: 'output' | 'error'; note?: LabSentence } {
  const explained = note('pythonConnectFailed', { reason });
  return style === 'python'
    ? { text: englishOf(explained), kind: 'error', note: explained }
    : { text: 'Attempting MQTT connection...Retying in 5 seconds - failed, rc=-2', kind: 'output' };
}

/** The line of one telemetry step: Python's print("Sending telemetry ", telemetry) adds a second space. */
export function telemetryLine(style: ConsoleStyle, payload: string): string {
  return style === 'python' ? `Sending telemetry  ${payload}` : `Sending telemetry ${payload}`;
}

/** The lesson's local nightlight loop (lesson 3) prints the level each second. */
export function localLoopLine(style: ConsoleStyle, light: number): string {
  return style === 'python' ? `Light level: ${light}` : `Light value: ${light}`;
}

/** Python prints the parsed dict (`{'led_on': True}`); the Wio Terminal prints the raw text right after the colon. */
export function commandReceivedLine(style: ConsoleStyle, payloadText: string, parsed: unknown): string {
  return style === 'python' ? `Message received: ${pythonRepr(parsed)}` : `Message received:${payloadText}`;
}
