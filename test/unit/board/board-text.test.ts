// What the student sees from raw board bytes: boards named, lines cut at 64 KB, binary shown safely, scrambled
// text noticed, the lesson's Wio lines understood with the exact sentences, and numbers found for the plotter.
import { describe, expect, it } from 'vitest';
import { BOARD_MAX_LINE_BYTES, PUBSUB_RC } from '../../../src-shared/contract/board';
import { identifyBoard } from '../../../src-main/services/board/known-boards';
import { LineSplitter } from '../../../src-main/services/board/line-splitter';
import { MojibakeDetector, suggestBaudRate, toLineText } from '../../../src-main/services/board/line-text';
import { parsePlotValues } from '../../../src-main/services/board/plot-parser';
import { explainRc, parseWioLine } from '../../../src-main/services/board/wio-lines';

describe('known boards', () => {
  it.each([
    ['2886', '802D', 'Seeed Wio Terminal'],
    ['2886', '002d', 'Seeed Wio Terminal (bootloader: ready to be flashed)'],
    ['2341', '0043', 'Arduino Uno R3'],
    ['2341', '0069', 'Arduino Uno R4 Minima'],
    ['2341', '1002', 'Arduino Uno R4 WiFi'],
    ['2341', '8036', 'Arduino Leonardo'],
    ['2341', '0042', 'Arduino Mega 2560'],
    ['2341', '0058', 'Arduino Nano Every'],
    ['2e8a', '0005', 'Raspberry Pi Pico (MicroPython)'],
    ['2E8A', '000A', 'Raspberry Pi Pico'],
    ['303a', '1001', 'ESP32-S3'],
    ['0d28', '0204', 'BBC micro:bit'],
    ['1a86', '7523', 'CH340 USB-serial chip'],
    ['10c4', 'ea60', 'CP210x USB-serial chip'],
    ['0x0403', '0x6001', 'FTDI USB-serial chip'],
  ])('names %s:%s as %s', (vendorId, productId, name) => {
    expect(identifyBoard(vendorId, productId)?.name).toBe(name);
  });

  it('says nothing about unknown ids or ports without USB ids', () => {
    expect(identifyBoard('1234', '5678')).toBeNull();
    expect(identifyBoard(undefined, undefined)).toBeNull();
  });
});

describe('line splitting', () => {
  it('splits at newlines across chunks and drops the \\r of Serial.println', () => {
    const splitter = new LineSplitter(BOARD_MAX_LINE_BYTES);
    const first = splitter.push(Buffer.from('Connecting to Wi'));
    const second = splitter.push(Buffer.from('Fi..\r\nConnected!\r\nSending'));
    expect(first).toEqual([]);
    expect(second.map((line) => line.bytes.toString())).toEqual(['Connecting to WiFi..', 'Connected!']);
    expect(splitter.flush()?.bytes.toString()).toBe('Sending');
  });

  it('cuts a line that reaches 64 KB without a newline, and goes on normally afterwards', () => {
    const splitter = new LineSplitter(BOARD_MAX_LINE_BYTES);
    const lines = splitter.push(Buffer.concat([Buffer.alloc(BOARD_MAX_LINE_BYTES + 10, 0x41), Buffer.from('\nok\n')]));
    expect(lines.map((line) => [line.bytes.length, line.cut])).toEqual([[BOARD_MAX_LINE_BYTES, true], [10, false], [2, false]]);
    expect(splitter.pendingLength).toBe(0);
  });
});

describe('safe text', () => {
  it('keeps plain lines and UTF-8 as they are', () => {
    expect(toLineText(Buffer.from('light:652'))).toEqual({ text: 'light:652', binary: false });
    expect(toLineText(Buffer.from('21.5 °C'))).toEqual({ text: '21.5 °C', binary: false });
  });

  it('shows control bytes as \\xNN and invalid bytes as U+FFFD, and flags the line', () => {
    expect(toLineText(Buffer.from([0x41, 0x00, 0x1b, 0xff, 0x42]))).toEqual({ text: 'A\\x00\\x1B\uFFFDB', binary: true });
  });

  it('notices scrambled text (wrong baud rate) and takes it back once clean text comes', () => {
    const detector = new MojibakeDetector();
    const garbage = Buffer.from(Array.from({ length: 256 }, (_, index) => (index * 97 + 13) % 256));
    expect(detector.observe(garbage)).toBe(true);
    expect(detector.scrambled).toBe(true);
    expect(detector.observe(Buffer.from('Sending telemetry {"light":652}\r\n'.repeat(8)))).toBe(true);
    expect(detector.scrambled).toBe(false);
  });

  it('suggests the other common rate', () => {
    expect(suggestBaudRate(9600)).toBe(115200);
    expect(suggestBaudRate(115200)).toBe(9600);
  });
});

describe("the lesson's Wio lines", () => {
  it.each([
    ['Connecting to WiFi..', { kind: 'phase', phase: 'joining-wifi' }],
    ['Connected!', { kind: 'phase', phase: 'wifi-joined' }],
    ['Attempting MQTT connection...connected', { kind: 'phase', phase: 'broker-connected' }],
    ['Attempting MQTT connection...', { kind: 'phase', phase: 'connecting-broker' }],
    ['Attempting MQTT connection...Retying in 5 seconds - failed, rc=-2', { kind: 'failed', rc: -2 }],
    ['Retying in 5 seconds - failed, rc=4', { kind: 'failed', rc: 4 }],
    ['Sending telemetry {"light":652}', { kind: 'telemetry', text: '{"light":652}' }],
    ['Message received:{"led_on":true}', { kind: 'command', text: '{"led_on":true}' }],
    ['hello', null],
  ])('%s', (line, meaning) => {
    expect(parseWioLine(line)).toEqual(meaning);
  });

  it('explains rc=-2 with the sentence the page shows', () => {
    expect(explainRc(-2)).toBe(
      "board failed to connect, rc=-2: it could not reach the broker. Check the BROKER address and that the broker is reachable from the board's network",
    );
  });

  it('has one sentence for every PubSubClient code', () => {
    expect(PUBSUB_RC.map((entry) => entry.rc)).toEqual([-4, -3, -2, -1, 1, 2, 3, 4, 5]);
    expect(explainRc(-4)).toContain('timeout');
    expect(explainRc(-3)).toContain('lost the connection');
    expect(explainRc(-1)).toContain('disconnected');
    expect(explainRc(1)).toContain('bad protocol');
    expect(explainRc(2)).toContain('bad client id');
    expect(explainRc(3)).toContain('unavailable');
    expect(explainRc(4)).toContain('bad credentials');
    expect(explainRc(5)).toContain('unauthorised');
    expect(explainRc(9)).toContain('rc=9');
  });
});

describe('plot values', () => {
  it.each([
    ['light:652', [{ name: 'light', value: 652 }]],
    ['a=1 b=2', [{ name: 'a', value: 1 }, { name: 'b', value: 2 }]],
    ['temp: 21.5, humidity: 40', [{ name: 'temp', value: 21.5 }, { name: 'humidity', value: 40 }]],
    ['{"light": 652, "led_on": true}', [{ name: 'light', value: 652 }, { name: 'led_on', value: 1 }]],
    ['Sending telemetry {"light":652}', [{ name: 'light', value: 652 }]],
    ['{"env": {"temp": -3.5e0}}', [{ name: 'env.temp', value: -3.5 }]],
    ['12 34.5 -6', [{ name: 'value1', value: 12 }, { name: 'value2', value: 34.5 }, { name: 'value3', value: -6 }]],
  ])('%s', (line, values) => {
    expect(parsePlotValues(line)).toEqual(values);
  });

  it.each(['Connecting to WiFi..', 'Retying in 5 seconds', '12:30:45', 'light:652abc', '{"broken": '])('finds nothing in %s', (line) => {
    expect(parsePlotValues(line)).toEqual([]);
  });
});

describe('ring buffer (log and plot storage)', () => {
  it('keeps the newest items in order, drops the oldest, and shifts', async () => {
    const { RingBuffer } = await import('../../../src-main/services/board/ring-buffer');
    const ring = new RingBuffer<number>(3);
    expect([1, 2, 3, 4].map((item) => ring.push(item))).toEqual([undefined, undefined, undefined, 1]);
    expect(ring.toArray()).toEqual([2, 3, 4]);
    expect(ring.toArray(2)).toEqual([3, 4]);
    expect(ring.shift()).toBe(2);
    ring.push(5);
    expect(ring.toArray()).toEqual([3, 4, 5]);
    const fresh = new RingBuffer<number>(4);
    fresh.push(1);
    fresh.push(2);
    expect(fresh.shift()).toBe(1);
    fresh.push(3);
    fresh.push(4);
    fresh.push(5);
    expect(fresh.toArray()).toEqual([2, 3, 4, 5]);
    expect(fresh.push(6)).toBe(2);
    expect(fresh.length).toBe(4);
  });
});
