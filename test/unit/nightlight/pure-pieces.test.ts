// The pure pieces: Python's repr and json.dumps as the lesson's consoles print them, the firmware's exact lines,
// and the defensive parsing of telemetry and commands.
import { describe, expect, it } from 'vitest';
import type { ReceivedMessage } from '../../../src-shared/contract/schemas';
import { englishOf } from '../../../src-shared/i18n/lab-text';
import { commandReceivedLine, connectedLine, localLoopLine, telemetryLine, telemetryPayload } from '../../../src-main/services/nightlight/firmware-lines';
import { parseCommand, parseTelemetry } from '../../../src-main/services/nightlight/payloads';
import { pythonJsonDumps, pythonRepr } from '../../../src-main/services/nightlight/python-repr';
import { RingBuffer } from '../../../src-main/services/nightlight/ring-buffer';

function message(text: string, sizeBytes = Buffer.byteLength(text)): ReceivedMessage {
  return { topic: 'lab-x/telemetry', payloadText: text, payloadBase64: '', sizeBytes, truncated: false, qos: 0, retain: false, receivedAtMs: 0 };
}

describe('python repr', () => {
  it('prints dicts like Python', () => {
    expect(pythonRepr({ light: 0 })).toBe("{'light': 0}");
    expect(pythonRepr({ led_on: true })).toBe("{'led_on': True}");
    expect(pythonRepr({ a: null, b: [1, 'x'], c: 1.5 })).toBe("{'a': None, 'b': [1, 'x'], 'c': 1.5}");
    expect(pythonRepr("it's")).toBe('"it\'s"');
    expect(pythonRepr('a\nb')).toBe("'a\\nb'");
  });

  it('writes JSON like json.dumps', () => {
    expect(pythonJsonDumps({ led_on: true })).toBe('{"led_on": true}');
    expect(pythonJsonDumps({ light: 0 })).toBe('{"light": 0}');
  });
});

describe('firmware lines', () => {
  it('are the lesson\'s Python lines', () => {
    expect(connectedLine('python')).toBe('MQTT connected!');
    expect(telemetryPayload('python', 0)).toBe('{"light": 0}');
    expect(telemetryLine('python', '{"light": 0}')).toBe('Sending telemetry  {"light": 0}');
    expect(localLoopLine('python', 42)).toBe('Light level: 42');
    expect(commandReceivedLine('python', '{"led_on": true}', { led_on: true })).toBe("Message received: {'led_on': True}");
  });

  it('are the Wio Terminal\'s Serial lines', () => {
    expect(connectedLine('wio')).toBe('Attempting MQTT connection...connected');
    expect(telemetryPayload('wio', 652)).toBe('{"light":652}');
    expect(telemetryLine('wio', '{"light":652}')).toBe('Sending telemetry {"light":652}');
    expect(commandReceivedLine('wio', '{"led_on": true}', { led_on: true })).toBe('Message received:{"led_on": true}');
  });
});

describe('payload parsing', () => {
  it('accepts readings from 0 to 1023 and keeps extra fields', () => {
    expect(parseTelemetry(message('{"light": 0}'))).toMatchObject({ ok: true, value: 0 });
    expect(parseTelemetry(message('{"light":1023,"unit":"raw"}'))).toMatchObject({ ok: true, value: 1023, extraFields: ['unit'] });
  });

  it('refuses what is not a reading, in words', () => {
    const problem = (text: string, size?: number) => {
      const parsed = parseTelemetry(message(text, size));
      return parsed.ok ? '' : englishOf(parsed.problem);
    };
    expect(problem('bright')).toContain('"bright" on "lab-x/telemetry": it is not JSON. Expected something like {"light": 400}.');
    expect(problem('{"light": "bright"}')).toContain('"light" is the text "bright"');
    expect(problem('{}')).toContain('no "light" field');
    expect(problem('{"light": 1024}')).toContain('outside');
    expect(problem('{"light": 1}', 5000)).toContain('5000 bytes');
    expect(problem('null')).toContain('not an object');
  });

  it('accepts only true or false as a command, and names extra fields', () => {
    expect(parseCommand(message('{"led_on": false, "colour": "red"}'))).toMatchObject({ ok: true, value: false, extraFields: ['colour'] });
    const bad = parseCommand(message('{"led_on": "yes"}'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(englishOf(bad.problem)).toContain('should be true or false');
  });
});

describe('ring buffer', () => {
  it('keeps the newest items, oldest first', () => {
    const ring = new RingBuffer<number>(3);
    for (const value of [1, 2, 3, 4, 5]) ring.push(value);
    expect(ring.toArray()).toEqual([3, 4, 5]);
    ring.clear();
    expect(ring.toArray()).toEqual([]);
  });
});
