// The nightlight against real Python peers (Debian python3-paho-mqtt 1.6 at /usr/bin/python3) on the lab's built-in
// broker: the lesson's server answering the lab's device, the lesson's device (over the CounterFit endpoint) answered
// by the lab's server, and the code "show me the code" generates, run as it is.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LabServices } from '../../src-main/services/create-lab';
import { startRealLab, type Call } from '../support/real-lab';
import { waitFor } from '../unit/mqtt/service-harness';
import { PythonRuns, type PythonRun } from '../support/python-runs';

const STUDENT_ID = 'lab-py4int';
const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.join(here, 'nightlight-fixtures');
const BOUNDARIES: Array<[number, boolean]> = [
  [0, true],
  [299, true],
  [300, false],
  [400, false],
  [1023, false],
];

describe('nightlight with the lesson\'s Python code', () => {
  let lab: LabServices;
  let dataDir: string;
  let call: Call;
  const pythons = new PythonRuns();

  function runPython(args: string[], env: Record<string, string> = {}): PythonRun {
    const pythonPath = [process.env.NIGHTLIGHT_PYTHONPATH, env.PYTHONPATH].filter(Boolean).join(':');
    return pythons.start(args, { ...env, ...(pythonPath ? { PYTHONPATH: pythonPath } : {}) });
  }

  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'nightlight-py-'));
    ({ lab, call } = await startRealLab(dataDir, STUDENT_ID));
    await call('nightlight.resetDevice', {});
    await call('nightlight.resetServer', {});
  });

  afterEach(async () => {
    await pythons.stopAll();
    await lab.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const brokerPort = () => String(lab.broker.getStatus().tcpPort);
  const counterfitPort = () => String(lab.nightlight.getCounterfit().port);
  const ledIs = (on: boolean, source: string) => async () => {
    const { device } = await call('nightlight.getState', {});
    return (device.led.on === on && device.led.source === source) || undefined;
  };

  const ledOn = (on: boolean) => async () => ((await call('nightlight.getState', {})).device.led.on === on) || undefined;

  async function checkBoundaries(source: 'command' | 'http', peer: PythonRun): Promise<void> {
    for (const [light, on] of BOUNDARIES) {
      // From the opposite state, so the LED really switches at this value.
      await call('nightlight.setLight', { light: on ? 1023 : 0 });
      await waitForAsync(ledOn(!on), `the LED to be ${on ? 'off' : 'on'} first`, 10_000, peer);
      await call('nightlight.setLight', { light });
      await waitForAsync(ledIs(on, source), `the LED to be ${on ? 'on' : 'off'} at light ${light}`, 10_000, peer);
    }
  }

  it('the lesson\'s Python server answers the lab\'s virtual device', async () => {
    await call('nightlight.updateDevice', { telemetryIntervalMs: 200 });
    const server = runPython([path.join(FIXTURES, 'lesson_server.py'), STUDENT_ID, brokerPort()]);
    await waitFor(() => server.output().includes('READY'), 'the Python server to subscribe');
    await checkBoundaries('command', server);
    expect(server.output()).toContain("Message received: {'light': 299}");
    expect(server.output()).toContain("Sending message: {'led_on': True}");
    expect(server.output()).toContain("Message received: {'light': 300}");
    expect(server.output()).toContain("Sending message: {'led_on': False}");
    const { deviceConsole } = await call('nightlight.getState', {});
    expect(deviceConsole.map((line) => line.text)).toContain("Message received: {'led_on': True}");
  });

  it('the lab\'s server answers the lesson\'s Python device, which uses the CounterFit endpoint', async () => {
    await call('nightlight.updateDevice', { mode: 'hardware-only' });
    await call('nightlight.startServer', {});
    await waitForAsync(async () => (await call('nightlight.getState', {})).server.subscribedFilter ?? undefined, 'the lab server to subscribe');
    const device = runPython([path.join(FIXTURES, 'lesson_device_http.py'), STUDENT_ID, brokerPort(), counterfitPort()]);
    await waitFor(() => device.output().includes('MQTT connected!'), 'the Python device to connect');
    await checkBoundaries('http', device);
    expect(device.output()).toContain('Sending telemetry  {"light": 299}');
    expect(device.output()).toContain("Message received: {'led_on': True}");
    const { httpCalls, server } = await call('nightlight.getState', {});
    expect(httpCalls.some((entry) => entry.method === 'POST' && entry.path === '/actuator_value?port=5' && entry.status === 200)).toBe(true);
    expect(server.counts.rejected).toBe(0);
  });

  it('the generated Python server does the job against the built-in broker', async () => {
    await call('nightlight.updateDevice', { telemetryIntervalMs: 200 });
    const code = await call('nightlight.getCode', { language: 'python', program: 'server' });
    const file = path.join(dataDir, 'app.py');
    writeFileSync(file, code.text);
    const server = runPython([file]);
    await waitForAsync(async () => ((await call('nightlight.getState', {})).device.led.source === 'command') || undefined, 'the generated server to answer', 15_000);
    await checkBoundaries('command', server);
    expect(server.output()).toContain("Message received: {'light': 299}");
    expect(server.output()).toContain("Sending message: {'led_on': True}");
  });

  it('the generated Python device does the job through the CounterFit endpoint, answered by the lab\'s server', async () => {
    await call('nightlight.updateDevice', { mode: 'hardware-only', telemetryIntervalMs: 200 });
    await call('nightlight.startServer', {});
    const code = await call('nightlight.getCode', { language: 'python', program: 'device' });
    expect(code.text).toContain(`CounterFitConnection.init('127.0.0.1', ${counterfitPort()})`);
    const file = path.join(dataDir, 'device.py');
    writeFileSync(file, code.text);
    const device = runPython([file], { PYTHONPATH: FIXTURES });
    await waitFor(() => device.output().includes('MQTT connected!'), 'the generated device to connect');
    await checkBoundaries('http', device);
    expect(device.output()).toContain('Sending telemetry  {"light": 0}');
  });
});

/** peer: a Python process whose output is shown when the wait fails, to see what it printed. */
async function waitForAsync<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 10_000, peer?: PythonRun): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${peer ? `; Python printed:\n${peer.output().slice(-2000)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
