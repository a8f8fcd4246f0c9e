// The Board page's service with serialport's mock binding: ports listed and named, lines with timestamps, the
// lesson's Wio lines understood, plot data, sending with line endings, explained errors, unplug and replug.
import { afterEach, describe, expect, it } from 'vitest';
import { BOARD_MAX_LINE_BYTES, type BoardPorts, type MonitorLine, type SerialStatus } from '../../../src-shared/contract/board';
import { LabError } from '../../../src-shared/contract/result';
import { sleep, waitFor } from '../mqtt/service-harness';
import { createBoard, type BoardHarness } from './support/board-harness';
import { errnoError } from './support/fake-binding';

const WIO = '/dev/ttyACM0';
let harness: BoardHarness;

afterEach(async () => {
  await harness?.dispose();
});

async function openWio(options: { pollMs?: number } = {}): Promise<BoardHarness> {
  harness = await createBoard(options);
  harness.binding.addBoard(WIO, { vendorId: '2886', productId: '802d', manufacturer: 'Seeed Studio', serialNumber: 'WIO1' });
  await harness.service.open({ path: WIO, baudRate: 9600, dtr: true });
  return harness;
}

const texts = (lines: MonitorLine[], kind = 'in') => lines.filter((line) => line.kind === kind).map((line) => line.text);

describe('ports', () => {
  it('lists a plugged board by name within 2 s and notices it going away', async () => {
    harness = await createBoard({ pollMs: 1000 });
    const changes = () => harness.events.filter((event) => event.name === 'portsChanged').map((event) => event.payload as BoardPorts);
    const pluggedAtMs = Date.now();
    harness.binding.addBoard(WIO, { vendorId: '2886', productId: '802D', manufacturer: 'Seeed Studio' });
    const seen = await waitFor(() => changes().find((ports) => ports.ports.length === 1), 'the Wio Terminal in the list', 2500);
    expect(Date.now() - pluggedAtMs).toBeLessThan(2000);
    expect(seen.ports[0]).toMatchObject({ path: WIO, boardName: 'Seeed Wio Terminal', kind: 'usb-board', vendorId: '2886', productId: '802D', source: 'listed' });

    harness.binding.unplug(WIO);
    await waitFor(() => changes().at(-1)?.ports.length === 0, 'the port to leave the list', 2500);
  });

  it('remembers a typed path that is not listed, and forgets it on request', async () => {
    harness = await createBoard();
    harness.binding.addBoard('/tmp/pty-board');
    // The fake lists every port it has; a typed path is one the system does not list, like a pseudo-terminal.
    harness.binding.list = async () => [];
    await harness.service.open({ path: '/tmp/pty-board', baudRate: 9600, dtr: true });
    const ports = await harness.service.listPorts();
    expect(ports.rememberedPaths).toEqual(['/tmp/pty-board']);
    expect(ports.ports).toContainEqual(expect.objectContaining({ path: '/tmp/pty-board', source: 'typed', present: false }));
    expect((await harness.service.forgetPath('/tmp/pty-board')).rememberedPaths).toEqual([]);
  });
});

describe('serial monitor', () => {
  it('opens with DTR on at 9600 and shows each line with a timestamp, in batches', async () => {
    await openWio();
    expect(harness.binding.setCalls(WIO)[0]).toMatchObject({ dtr: true });
    expect(harness.service.getState().serial).toMatchObject({ state: 'open', path: WIO, baudRate: 9600, boardName: 'Seeed Wio Terminal' });
    const before = Date.now();
    harness.binding.print(WIO, 'Connecting to WiFi..\r\nConnected!\r\nSending telemetry {"light":652}\r\n');
    await waitFor(() => texts(harness.lines()).length === 3, 'three lines');
    expect(texts(harness.lines())).toEqual(['Connecting to WiFi..', 'Connected!', 'Sending telemetry {"light":652}']);
    for (const line of harness.lines().filter((entry) => entry.kind === 'in')) expect(line.atMs).toBeGreaterThanOrEqual(before);
    await waitFor(() => harness.events.some((event) => event.name === 'linesAppended'), 'a batch of lines');
    const batches = harness.events.filter((event) => event.name === 'linesAppended').map((event) => event.payload as { lines: MonitorLine[] });
    expect(batches.flatMap((batch) => texts(batch.lines))).toEqual(['Connecting to WiFi..', 'Connected!', 'Sending telemetry {"light":652}']);
  });

  it('sends a line with each line ending and shows it as sent', async () => {
    await openWio();
    await harness.service.sendLine('{"led_on": true}', 'lf');
    await harness.service.sendLine('a', 'none');
    await harness.service.sendLine('b', 'cr');
    const { bytesWritten } = await harness.service.sendLine('c', 'crlf');
    expect(bytesWritten).toBe(3);
    await waitFor(() => harness.binding.writtenText(WIO) === '{"led_on": true}\nab\rc\r\n', 'the bytes on the board');
    expect(texts(harness.lines(), 'out')).toEqual(['{"led_on": true}', 'a', 'b', 'c']);
  });

  it('shows binary bytes safely and cuts a 64 KB line with a note', async () => {
    await openWio();
    harness.binding.print(WIO, Buffer.from([0x41, 0x00, 0xff, 0x0a]));
    harness.binding.print(WIO, Buffer.alloc(BOARD_MAX_LINE_BYTES + 1, 0x61));
    await waitFor(() => harness.lines().some((line) => line.cut), 'the cut line');
    const lines = harness.lines().filter((line) => line.kind === 'in');
    expect(lines[0]).toMatchObject({ text: 'A\\x00\uFFFD', binary: true });
    expect(lines[1]).toMatchObject({ cut: true });
    expect(lines[1]!.text.length).toBe(BOARD_MAX_LINE_BYTES);
    expect(texts(harness.lines(), 'note').join(' ')).toContain('64 KB without a line ending');
  });

  it('suggests another baud rate when the text is scrambled', async () => {
    await openWio();
    harness.binding.print(WIO, Buffer.from(Array.from({ length: 300 }, (_, index) => (index * 151 + 7) % 256)));
    await waitFor(() => harness.events.some((event) => (event.payload as SerialStatus).suggestedBaudRate === 115200), 'a baud suggestion');
    expect(texts(harness.lines(), 'note').join(' ')).toContain('try 115200 baud');
    // The lab's notes travel as keys too, so the monitor shows them in the page's language.
    expect(harness.lines().find((line) => line.text.includes('scrambled'))?.note).toEqual({ key: 'board.monitorNotes.scrambled', params: { baud: 9600, suggested: 115200 } });
  });

  it('exports the log as text with timestamps and arrows', async () => {
    await openWio();
    harness.binding.print(WIO, 'light:652\n');
    await waitFor(() => texts(harness.lines()).length === 1, 'the line');
    await harness.service.sendLine('hi', 'lf');
    const exported = harness.service.exportLog(true);
    expect(exported.fileName).toMatch(/^board-log-.*\.txt$/);
    expect(exported.text).toMatch(/^\d\d:\d\d:\d\d\.\d{3} -- Connected to \/dev\/ttyACM0 at 9600 baud\.\n\d\d:\d\d:\d\d\.\d{3} <- light:652\n\d\d:\d\d:\d\d\.\d{3} -> hi\n$/);
    expect(harness.service.exportLog(false).text).toBe('Connected to /dev/ttyACM0 at 9600 baud.\nlight:652\nhi\n');
    expect(harness.lines()[0]?.note).toEqual({ key: 'board.monitorNotes.connected', params: { path: '/dev/ttyACM0', baud: 9600 } });
  });
});

describe("understanding the lesson's Wio lines and plotting", () => {
  it('says the board joined Wi-Fi, connected, or failed with the rc explained', async () => {
    await openWio();
    const understood = () => harness.service.getState().understanding;
    harness.binding.print(WIO, 'Connecting to WiFi..\r\nConnected!\r\n');
    await waitFor(() => texts(harness.lines()).length === 2, 'two lines');
    expect(understood()).toMatchObject({ phase: 'wifi-joined', message: 'board joined Wi-Fi' });
    harness.binding.print(WIO, 'Attempting MQTT connection...Retying in 5 seconds - failed, rc=-2\r\n');
    await waitFor(() => texts(harness.lines()).length === 3, 'the failure');
    expect(understood().message).toBe(
      "board failed to connect, rc=-2: it could not reach the broker. Check the BROKER address and that the broker is reachable from the board's network",
    );
    harness.binding.print(WIO, 'Attempting MQTT connection...connected\r\nSending telemetry {"light":652}\r\nMessage received:{"led_on":true}\r\n');
    await waitFor(() => texts(harness.lines()).length === 6, 'three more lines');
    expect(understood()).toMatchObject({
      phase: 'broker-connected', message: 'board connected to the broker', rc: null,
      lastTelemetry: { text: '{"light":652}' }, lastCommand: { text: '{"led_on":true}' },
    });
  });

  it('plots numbers from telemetry, name:value and JSON lines, but not status lines', async () => {
    await openWio();
    harness.binding.print(WIO, 'Sending telemetry {"light":652}\nlight:640\n{"light": 630, "led_on": false}\nRetying in 5 seconds - failed, rc=-2\na=1 b=2\n');
    await waitFor(() => texts(harness.lines()).length === 5, 'five lines');
    const series = Object.fromEntries(harness.service.getPlot().map((entry) => [entry.name, entry.values]));
    expect(series).toEqual({ light: [652, 640, 630], led_on: [0], a: [1], b: [2] });
    await waitFor(() => harness.events.some((event) => event.name === 'plotAppended'), 'a plot batch');
    const csv = harness.service.exportPlotCsv();
    expect(csv.text.split('\n')[0]).toBe('time,time_ms,light,led_on,a,b');
    expect(csv.rowCount).toBe(4);
  });
});

describe('errors a student meets', () => {
  it('a busy port names the Arduino IDE serial monitor', async () => {
    harness = await createBoard();
    harness.binding.addBoard(WIO);
    harness.binding.failOpen(WIO, errnoError('EBUSY', 'Error: Resource busy, cannot open /dev/ttyACM0'));
    const error = await harness.service.open({ path: WIO, baudRate: 9600, dtr: true }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LabError);
    expect((error as LabError).message).toContain("Arduino IDE's Serial Monitor");
    expect(harness.service.getState().serial).toMatchObject({ state: 'error', problem: 'busy' });
  });

  it('permission denied on Linux explains the dialout group fix', async () => {
    harness = await createBoard({ platform: 'linux' });
    harness.binding.addBoard(WIO);
    harness.binding.failOpen(WIO, errnoError('EACCES', 'Error: Permission denied, cannot open /dev/ttyACM0'));
    const error = (await harness.service.open({ path: WIO, baudRate: 9600, dtr: true }).catch((caught: unknown) => caught)) as LabError;
    expect(error.message).toContain('sudo usermod -a -G dialout $USER');
    expect(error.message).toContain('log out and log back in');
    expect(harness.service.getState().serial.problem).toBe('permission');
  });

  it('a path that does not exist is NOT_FOUND, and sending without a port says so', async () => {
    harness = await createBoard();
    const error = (await harness.service.open({ path: '/dev/ttyNOPE', baudRate: 9600, dtr: true }).catch((caught: unknown) => caught)) as LabError;
    expect(error.code).toBe('NOT_FOUND');
    const sendError = (await harness.service.sendLine('x', 'lf').catch((caught: unknown) => caught)) as LabError;
    expect(sendError.code).toBe('NOT_CONNECTED');
  });

  it('unplugged mid-stream: "board unplugged", then reopened by itself when the board is back', async () => {
    await openWio();
    harness.binding.print(WIO, 'light:1\nlight:2 and no newline yet');
    await waitFor(() => texts(harness.lines()).length === 1, 'the first line');
    harness.binding.unplug(WIO);
    const status = () => harness.service.getState().serial;
    await waitFor(() => status().state === 'unplugged', 'the unplugged state');
    expect(status().message).toContain('board unplugged');
    expect(texts(harness.lines())).toEqual(['light:1', 'light:2 and no newline yet']);
    expect(texts(harness.lines(), 'note').some((text) => text.startsWith('board unplugged'))).toBe(true);

    harness.binding.replug(WIO);
    await waitFor(() => status().state === 'open', 'the board to be reopened');
    harness.binding.print(WIO, 'light:3\n');
    await waitFor(() => texts(harness.lines()).includes('light:3'), 'a line after the replug');
  });

  it('a port that leaves the list while its read never fails is still reported unplugged, and reopened', async () => {
    await openWio();
    await sleep(300); // a few port listings (every 50 ms here) see it while it is open
    harness.binding.unplug(WIO, { quiet: true });
    const status = () => harness.service.getState().serial;
    await waitFor(() => status().state === 'unplugged', 'the unplugged state from the port listing');
    expect(texts(harness.lines(), 'note').some((text) => text.startsWith('board unplugged'))).toBe(true);
    harness.binding.replug(WIO);
    await waitFor(() => status().state === 'open', 'the board to be reopened');
  });

  it('close stops reopening and leaves the log', async () => {
    await openWio();
    harness.binding.print(WIO, 'hello\n');
    await waitFor(() => texts(harness.lines()).length === 1, 'the line');
    expect((await harness.service.close()).state).toBe('closed');
    expect(harness.binding.isOpen(WIO)).toBe(false);
    expect(texts(harness.lines())).toEqual(['hello']);
  });
});
