// The lesson's checks with real Python peers (Debian python3-paho-mqtt at /usr/bin/python3) on the built-in broker:
// a device that uses the lab's CounterFit endpoint (the lab sees its LED) and one the lab cannot look into.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newDataDir, startLessonLab, stepOf, waitFor, waitForAsync, waitForStep, type LessonLab } from '../unit/lesson/lesson-harness';
import { PythonRuns, type PythonRun } from '../support/python-runs';

const STUDENT_ID = 'lab-lsnpy1';
const here = path.dirname(fileURLToPath(import.meta.url));
const NIGHTLIGHT_FIXTURES = path.join(here, 'nightlight-fixtures');
const LESSON_FIXTURES = path.join(here, 'lesson-fixtures');
const EXERCISES = ['E1', 'E2', 'E3', 'E4', 'E5', 'E6'] as const;

describe('lesson checks with Python code', () => {
  let lesson: LessonLab;
  let dataDir: string;
  const pythons = new PythonRuns();
  const runPython = (script: string, args: string[]): PythonRun => pythons.start([script, ...args]);

  beforeEach(async () => {
    dataDir = newDataDir();
    lesson = await startLessonLab(dataDir, STUDENT_ID);
    await lesson.call('nightlight.resetDevice', {});
    await lesson.call('nightlight.resetServer', {});
    // "Your code is the device": the lab's own device stays off the broker, so it cannot take the Python client id.
    await lesson.call('nightlight.updateDevice', { mode: 'hardware-only' });
  });

  afterEach(async () => {
    await pythons.stopAll();
    await lesson.lab.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const brokerPort = () => String(lesson.lab.broker.getStatus().tcpPort);

  async function setLightAndWaitForPart(light: number, done: number): Promise<void> {
    await lesson.call('nightlight.setLight', { light });
    await waitForAsync(async () => {
      const e6 = stepOf(await lesson.call('lesson.getState', {}), 'E6');
      return e6.state === 'passed' || e6.check.params.done === done ? true : undefined;
    });
  }

  it('a Python device on the CounterFit endpoint and a Python server make E1 to E6 pass, the LED seen by the lab', async () => {
    const { call } = lesson;
    await call('nightlight.setLight', { light: 400 });
    const server = runPython(path.join(NIGHTLIGHT_FIXTURES, 'lesson_server.py'), [STUDENT_ID, brokerPort()]);
    await waitFor(() => server.output().includes('READY'), 'the Python server to subscribe');
    const counterfitPort = String(lesson.lab.nightlight.getCounterfit().port);
    const device = runPython(path.join(NIGHTLIGHT_FIXTURES, 'lesson_device_http.py'), [STUDENT_ID, brokerPort(), counterfitPort]);
    await waitFor(() => device.output().includes('MQTT connected!'), 'the Python device to connect');

    expect((await waitForStep(call, 'E1')).check.params.clientId).toBe(`${STUDENT_ID}nightlight_client`);
    expect((await waitForStep(call, 'E3')).check).toMatchObject({ code: 'e3-subscribed', params: { clientId: `${STUDENT_ID}nightlight_server` } });
    await setLightAndWaitForPart(0, 1);
    await setLightAndWaitForPart(1023, 2);
    await setLightAndWaitForPart(0, 3);
    for (const id of EXERCISES) await waitForStep(call, id);
    expect(stepOf(await call('lesson.getState', {}), 'E5').check.code).toBe('e5-passed');
  });

  it('with a device the lab cannot look into, E5 passes from what it can see and says so', async () => {
    const { call } = lesson;
    const server = runPython(path.join(NIGHTLIGHT_FIXTURES, 'lesson_server.py'), [STUDENT_ID, brokerPort()]);
    await waitFor(() => server.output().includes('READY'), 'the Python server to subscribe');
    const device = runPython(path.join(LESSON_FIXTURES, 'lesson_device_plain.py'), [STUDENT_ID, brokerPort(), '0,1023']);
    for (const id of EXERCISES) await waitForStep(call, id, 'passed', 20_000);
    expect(device.output()).toContain('LED on');
    expect(device.output()).toContain('LED off');
    const e5 = stepOf(await call('lesson.getState', {}), 'E5');
    expect(e5.check.code).toBe('e5-passed-unseen-led');
    expect(e5.check.saw).toContain(`I cannot see your device's LED from here. I see your device listens on \`${STUDENT_ID}/commands\``);
  });
});
