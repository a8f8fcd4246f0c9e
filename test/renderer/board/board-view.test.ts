// The Board page as a student sees it (mounted at /board with a FakeBridge): ports named by board, the state line,
// the monitor with timestamps and sending, the plotter's series, the Wio status card, the bridge and the LAN switch.
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { BoardPort, MonitorLine } from '../../../src-shared/contract/board';
import { ok } from '../../../src-shared/contract/result';
import BoardView from '../../../src-renderer/src/views/BoardView.vue';
import { clockTime } from '../../../src-renderer/src/components/board/monitor-text';
import { FakeBridge, makeBoardSnapshot, makeBridgeStatus, makeLanStatus, makeSerialStatus } from '../support/fake-bridge';
import { mountLab } from '../support/mount-lab';

enableAutoUnmount(afterEach);

function port(overrides: Partial<BoardPort>): BoardPort {
  return {
    path: '/dev/ttyACM0',
    manufacturer: null,
    serialNumber: null,
    vendorId: null,
    productId: null,
    boardName: null,
    kind: 'unknown',
    source: 'listed',
    present: true,
    ...overrides,
  };
}

function line(seq: number, text: string, overrides: Partial<MonitorLine> = {}): MonitorLine {
  return { seq, atMs: Date.UTC(2025, 0, 1, 9, 15, 30, 250) + seq, kind: 'in', text, binary: false, cut: false, ...overrides };
}

function byLabel(wrapper: VueWrapper, label: string) {
  const id = wrapper.findAll('label').find((candidate) => candidate.text().trim() === label)?.attributes('for');
  if (!id) throw new Error(`No label "${label}"`);
  return wrapper.get<HTMLInputElement>(`[id="${id}"]`);
}

function button(wrapper: VueWrapper, name: string) {
  const found = wrapper.findAll('button').find((candidate) => candidate.text().trim() === name);
  if (!found) throw new Error(`No button "${name}"`);
  return found;
}

async function mountBoard(bridge = new FakeBridge()) {
  const { wrapper } = await mountLab(BoardView, { bridge, path: '/board' });
  return { wrapper, bridge };
}

const wio = port({ path: '/dev/ttyACM0', vendorId: '2886', productId: '802D', boardName: 'Seeed Wio Terminal', kind: 'usb-board' });
const ch340 = port({ path: '/dev/ttyUSB0', vendorId: '1A86', productId: '7523', boardName: 'USB serial (CH340)', kind: 'usb-serial' });

describe('ports', () => {
  it('lists ports by board name and follows plug and unplug', async () => {
    const bridge = new FakeBridge().handle('board.getState', () => ok(makeBoardSnapshot({ ports: { ports: [wio], rememberedPaths: [] } })));
    const { wrapper } = await mountBoard(bridge);
    const list = wrapper.get('[data-testid="port-list"]');
    expect(list.text()).toContain('Seeed Wio Terminal');
    expect(list.text()).toContain('/dev/ttyACM0');
    expect(list.text()).toContain('USB 2886:802D');

    bridge.emit('board.portsChanged', { ports: [wio, ch340], rememberedPaths: [] });
    await flushPromises();
    expect(wrapper.get('[data-testid="port-list"]').text()).toContain('USB serial (CH340)');

    bridge.emit('board.portsChanged', { ports: [], rememberedPaths: [] });
    await flushPromises();
    expect(wrapper.text()).toContain('No boards found');
  });

  it('connects to the picked port at the chosen baud rate with DTR on, or to a typed path', async () => {
    const bridge = new FakeBridge()
      .handle('board.getState', () => ok(makeBoardSnapshot({ ports: { ports: [wio, ch340], rememberedPaths: ['/tmp/lab/board'] } })))
      .handle('board.open', (input) =>
        ok(makeSerialStatus({ state: 'open', path: input.path, baudRate: input.baudRate ?? 9600, boardName: 'USB serial (CH340)' })),
      );
    const { wrapper } = await mountBoard(bridge);
    // The known board is picked for the student; the other one is a click away.
    expect(byLabel(wrapper, 'Port path').element.value).toBe('/dev/ttyACM0');
    await wrapper.findAll('input[type="radio"]')[1]!.setValue(true);
    await byLabel(wrapper, 'Baud rate').setValue('115200');
    await button(wrapper, 'Connect').trigger('click');
    await flushPromises();
    expect(bridge.invokesOf('board.open')).toEqual([{ path: '/dev/ttyUSB0', baudRate: 115200, dtr: true }]);
    expect(wrapper.get('[role="status"][aria-label="Board connection"]').text()).toContain(
      'Connected to USB serial (CH340) on /dev/ttyUSB0 at 115200 baud.',
    );

    await byLabel(wrapper, 'Port path').setValue('/tmp/lab/board');
    await button(wrapper, 'Connect').trigger('click');
    await flushPromises();
    expect(bridge.invokesOf('board.open')[1]).toMatchObject({ path: '/tmp/lab/board' });
    expect(wrapper.findAll('datalist option').map((option) => option.attributes('value'))).toEqual(['/tmp/lab/board']);
  });

  it('an unplug reported while Connect is still answering is not hidden by that older answer', async () => {
    const bridge = new FakeBridge();
    bridge.handle('board.open', (input) => {
      // The main side opened the port and said so; the board went away before the call's answer reached the page.
      bridge.emit('board.serialChanged', makeSerialStatus({ state: 'unplugged', path: input.path, problem: 'unplugged' }));
      return ok(makeSerialStatus({ state: 'open', path: input.path, baudRate: 9600 }));
    });
    const { wrapper } = await mountBoard(bridge);
    await byLabel(wrapper, 'Port path').setValue('/tmp/lab/board');
    await button(wrapper, 'Connect').trigger('click');
    await flushPromises();
    expect(wrapper.get('[role="status"][aria-label="Board connection"]').text()).toContain('Board unplugged, waiting for it to come back.');
  });

  it('says when the board is unplugged, and explains a permission error with the dialout command', async () => {
    const { wrapper, bridge } = await mountBoard();
    bridge.emit('board.serialChanged', makeSerialStatus({ state: 'unplugged', path: '/dev/ttyACM0' }));
    await flushPromises();
    expect(wrapper.get('[data-testid="serial-state"]').text()).toContain('Board unplugged, waiting for it to come back.');

    const message = 'Linux did not let MQTT Lab open /dev/ttyACM0: your user is not in the "dialout" group.';
    bridge.emit('board.serialChanged', makeSerialStatus({ state: 'error', path: '/dev/ttyACM0', problem: 'permission', message }));
    await flushPromises();
    const state = wrapper.get('[data-testid="serial-state"]').text();
    expect(state).toContain('Could not open /dev/ttyACM0.');
    expect(state).toContain(message);
    expect(state).toContain('sudo usermod -a -G dialout $USER');
  });
});

describe('serial monitor', () => {
  it('shows the board\'s lines with timestamps, sent lines marked, and filters them', async () => {
    const bridge = new FakeBridge().handle('board.getLog', () => ok({ lines: [line(1, 'Connecting to WiFi..')] }));
    const { wrapper } = await mountBoard(bridge);
    bridge.emit('board.linesAppended', { lines: [line(2, 'Connected!'), line(3, '{"led_on": true}', { kind: 'out' })], cleared: false });
    await flushPromises();
    const rows = wrapper.findAll('[data-testid="monitor-line"]');
    expect(rows.map((row) => row.get('.text').text())).toEqual(['Connecting to WiFi..', 'Connected!', '{"led_on": true}']);
    expect(rows[0]!.get('[data-testid="monitor-time"]').text()).toBe(clockTime(line(1, '').atMs));
    expect(rows[0]!.get('[data-testid="monitor-time"]').text()).toMatch(/^\d\d:\d\d:\d\d\.\d{3}$/);
    expect(rows[2]!.text()).toContain('sent');

    await byLabel(wrapper, 'Search').setValue('wifi');
    expect(wrapper.findAll('[data-testid="monitor-line"]').map((row) => row.get('.text').text())).toEqual(['Connecting to WiFi..']);
    expect(wrapper.get('[data-testid="monitor-matches"]').text()).toBe('1 of 3 lines match.');
  });

  it('finds the lab\'s own notes by the words the page shows them in, in Telugu too', async () => {
    const unplugged = line(2, 'board unplugged', { kind: 'note', note: { key: 'board.monitorNotes.unplugged' } });
    const bridge = new FakeBridge().handle('board.getLog', () => ok({ lines: [line(1, 'Connecting to WiFi..'), unplugged] }));
    const { wrapper } = await mountLab(BoardView, { bridge, path: '/board', locale: 'te' });
    const shownTexts = () => wrapper.findAll('[data-testid="monitor-line"]').map((row) => row.get('.text').text());
    expect(shownTexts()).toEqual(['Connecting to WiFi..', 'బోర్డు తీసివేయబడింది']);
    const search = wrapper.get('#board-monitor-search');
    await search.setValue('తీసివేయబడింది');
    expect(shownTexts()).toEqual(['బోర్డు తీసివేయబడింది']);
    await search.setValue('unplugged');
    expect(shownTexts()).toEqual([]);
  });

  it('sends a line with the chosen line ending only while a port is open', async () => {
    const bridge = new FakeBridge().handle('board.sendLine', (input) => ok({ bytesWritten: input.text.length + 2 }));
    const { wrapper } = await mountBoard(bridge);
    expect(button(wrapper, 'Send').attributes('disabled')).toBeDefined();
    expect(wrapper.text()).toContain('Connect to a board to send it lines.');

    bridge.emit('board.serialChanged', makeSerialStatus({ state: 'open', path: '/dev/ttyACM0' }));
    await flushPromises();
    await wrapper.get('#board-send-text').setValue('{"led_on": false}');
    await wrapper.get('#board-send-ending').setValue('crlf');
    await wrapper.get('#board-send-text').trigger('submit');
    await flushPromises();
    expect(bridge.invokesOf('board.sendLine')).toEqual([{ text: '{"led_on": false}', lineEnding: 'crlf' }]);
    expect(wrapper.get<HTMLInputElement>('#board-send-text').element.value).toBe('');
  });

  it('pauses the view while lines keep coming, and suggests the right baud rate for scrambled text', async () => {
    const bridge = new FakeBridge().handle('board.open', (input) => ok(makeSerialStatus({ state: 'open', path: input.path, baudRate: input.baudRate ?? 9600 })));
    const { wrapper } = await mountBoard(bridge);
    bridge.emit('board.linesAppended', { lines: [line(1, 'light:10')], cleared: false });
    await flushPromises();
    await button(wrapper, 'Pause').trigger('click');
    bridge.emit('board.linesAppended', { lines: [line(2, 'light:11'), line(3, 'light:12')], cleared: false });
    await flushPromises();
    expect(wrapper.findAll('[data-testid="monitor-line"]')).toHaveLength(1);
    expect(wrapper.text()).toContain('Paused: 2 new lines waiting.');
    await button(wrapper, 'Resume').trigger('click');
    expect(wrapper.findAll('[data-testid="monitor-line"]')).toHaveLength(3);

    bridge.emit('board.serialChanged', makeSerialStatus({ state: 'open', path: '/dev/ttyACM0', baudRate: 9600, suggestedBaudRate: 115200 }));
    await flushPromises();
    expect(wrapper.text()).toContain('Try 115200.');
    await button(wrapper, 'Reconnect at 115200').trigger('click');
    await flushPromises();
    expect(bridge.invokesOf('board.open')).toEqual([{ path: '/dev/ttyACM0', baudRate: 115200, dtr: true }]);
  });
});

describe('serial plotter', () => {
  it('gets a legend entry per series with its latest value, and toggles them', async () => {
    const { wrapper, bridge } = await mountBoard();
    expect(wrapper.text()).toContain('No numbers yet');
    bridge.emit('board.plotAppended', {
      series: [
        { name: 'light', timesMs: [1000, 2000], values: [640, 652] },
        { name: 'led_on', timesMs: [2000], values: [0] },
      ],
      cleared: false,
    });
    await flushPromises();
    const legend = wrapper.get('[data-testid="plot-legend"]');
    expect(legend.text()).toContain('light: 652');
    expect(legend.text()).toContain('led_on: 0');
    expect(wrapper.get('[data-testid="plot-summary"]').text()).toBe('2 series, 3 points.');
    await legend.findAll('input[type="checkbox"]')[0]!.setValue(false);
    expect(legend.findAll('label')[0]!.classes()).toContain('item--hidden');
  });
});

describe('what the board says', () => {
  it('turns the lesson\'s Wio lines into words, with the rc explained', async () => {
    const { wrapper, bridge } = await mountBoard();
    const card = () => wrapper.get('[data-testid="wio-status"]').text();
    const base = { rc: null, message: '', sinceMs: 1, lastTelemetry: null, lastCommand: null };
    bridge.emit('board.understandingChanged', { ...base, phase: 'wifi-joined' });
    await flushPromises();
    expect(card()).toBe('Board joined Wi-Fi');

    bridge.emit('board.understandingChanged', { ...base, phase: 'broker-failed', rc: -2 });
    await flushPromises();
    expect(card()).toBe(
      'Board failed to connect, rc=-2: it could not reach the broker. Check the BROKER address and that the broker is reachable from the board\'s network',
    );

    bridge.emit('board.understandingChanged', { ...base, phase: 'broker-connected', lastTelemetry: { text: '{"light":652}', atMs: 2 } });
    await flushPromises();
    expect(card()).toBe('Board connected to the broker');
    expect(wrapper.text()).toContain('{"light":652}');
  });
});

describe('USB bridge and LAN switch', () => {
  it('switches the bridge and shows its topics and counts', async () => {
    const bridge = new FakeBridge().handle('board.setBridge', ({ enabled }) => ok(makeBridgeStatus({ enabled, state: 'waiting-for-board' })));
    const { wrapper } = await mountBoard(bridge);
    await wrapper.get('#board-bridge-switch').setValue(true);
    await flushPromises();
    expect(bridge.invokesOf('board.setBridge')).toEqual([{ enabled: true }]);
    expect(wrapper.get('[data-testid="bridge-state"]').text()).toContain('waiting for a board');

    bridge.emit('board.bridgeChanged', makeBridgeStatus({ enabled: true, state: 'running', toMqttCount: 12, toBoardCount: 3, errorCount: 1, errors: [{ atMs: 5, message: 'The board sent "hello", which is not JSON.' }] }));
    await flushPromises();
    const text = wrapper.get('[aria-labelledby="board-bridge-title"]').text();
    expect(text).toContain('lab-test01/telemetry');
    expect(text).toContain('lab-test01/commands');
    expect(wrapper.get('[data-testid="bridge-counts"]').text()).toMatch(/12\s*Board to MQTT\s*3\s*MQTT to board\s*1\s*Problems/);
    expect(text).toContain('The board sent "hello", which is not JSON.');
  });

  it('is off by default; when on it shows the credentials, addresses and the generated config.h', async () => {
    const on = makeLanStatus({
      enabled: true,
      state: 'on',
      port: 1883,
      username: 'mqttlab',
      password: 'k3y-9xq',
      addresses: [{ interfaceName: 'wlan0', address: '192.168.1.20', family: 'IPv4' }],
    });
    const configH = '#define BROKER "192.168.1.20"\n#define BROKER_PORT 1883\n#define MQTT_USERNAME "mqttlab"\n#define MQTT_PASSWORD "k3y-9xq"';
    const bridge = new FakeBridge()
      .handle('board.setLanBroker', () => ok(on))
      .handle('board.getConfig', () =>
        ok({ brokerAddress: '192.168.1.20', port: 1883, configH, connectLines: 'client.connect(CLIENT_NAME.c_str(), MQTT_USERNAME, MQTT_PASSWORD)', warnings: [] }),
      );
    const { wrapper } = await mountBoard(bridge);
    const toggle = wrapper.get<HTMLInputElement>('#board-lan-switch');
    expect(toggle.element.checked).toBe(false);
    expect(toggle.attributes('role')).toBe('switch');
    expect(wrapper.find('[data-testid="lan-password"]').exists()).toBe(false);

    await toggle.setValue(true);
    await flushPromises();
    expect(bridge.invokesOf('board.setLanBroker')).toEqual([{ enabled: true }]);
    expect(wrapper.get('[data-testid="lan-username"]').text()).toBe('mqttlab');
    expect(wrapper.get('[data-testid="lan-password"]').text()).toBe('k3y-9xq');
    expect(wrapper.get('[data-testid="lan-addresses"]').text()).toContain('192.168.1.20');
    expect(wrapper.get('[data-testid="lan-addresses"]').text()).toContain('port 1883');
    expect(wrapper.get('[data-testid="lan-config-h"]').text()).toBe(configH);
    expect(wrapper.get('[data-testid="lan-connect-lines"]').text()).toContain('MQTT_USERNAME, MQTT_PASSWORD');
    expect(wrapper.find('[aria-label="Copy config.h"]').exists()).toBe(true);
  });
});

describe('a long log', () => {
  // happy-dom has no layout, so following the newest line is checked in Chromium (test/e2e/board.spec.ts).
  it('keeps 20 000 lines but renders only the rows in view', async () => {
    const { wrapper, bridge } = await mountBoard();
    const many = Array.from({ length: 20_000 }, (_, index) => line(index, `light:${index}`));
    bridge.emit('board.linesAppended', { lines: many, cleared: false });
    await flushPromises();
    const rows = wrapper.findAll('[data-testid="monitor-line"]');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(60);
    expect(rows[0]!.get('.text').text()).toBe('light:0');
  });
});
