// The Lesson in Chromium with the student's own Python code (Debian python3-paho-mqtt at /usr/bin/python3) on the
// built-in broker: the lab is set to "your code is the device", a Python device (light sensor and LED over the lab's
// CounterFit address) and a Python server run, and the student, by keyboard, sees E1 to E6 turn green.
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { activate, tabTo, typeInto } from './keyboard';
import { PythonRuns, type PythonRun } from '../support/python-runs';

const STUDENT_ID = 'priya-py';
const FIXTURES = path.resolve(import.meta.dirname, '../interop/nightlight-fixtures');
const EXERCISES = ['E1', 'E2', 'E3', 'E4', 'E5', 'E6'];

const pythons = new PythonRuns();

/** Starts one of the lesson's Python programs the way a student runs it; it is stopped after the file. */
function runPython(script: string, args: string[]): PythonRun {
  return pythons.start([path.join(FIXTURES, script), ...args]);
}

const stopPythons = () => pythons.stopAll();

test.afterAll(stopPythons);

async function waitForOutput(run: PythonRun, text: string, what: string): Promise<void> {
  await expect.poll(run.output, { message: `${what}; it printed:\n${run.output()}`, timeout: 20_000 }).toContain(text);
}

async function goTo(page: Page, link: string, heading: string): Promise<void> {
  await activate(page, page.getByRole('link', { name: link }));
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

function stepEntry(page: Page, id: string): Locator {
  return page.locator(`nav button[data-step="${id}"]`);
}

/** Opens a step from the contents; focus lands on its heading, so the next Tab reaches "Take me there". */
async function openStep(page: Page, id: string): Promise<void> {
  await activate(page, stepEntry(page, id));
  await expect(page.getByTestId('lesson-content').getByRole('heading', { level: 2 })).toBeFocused();
}

async function takeMeThere(page: Page): Promise<void> {
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('lesson-go')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Nightlight' })).toBeVisible();
}

async function expectGreen(page: Page, id: string): Promise<void> {
  await expect(stepEntry(page, id)).toHaveAttribute('data-state', 'passed', { timeout: 30_000 });
}

/** The student moves the lab's light sensor; the Python device reads it, the Python server answers, the device lights the LED. */
async function setLight(page: Page, light: number, led: 'on' | 'off'): Promise<void> {
  await typeInto(page, page.getByLabel('Light (0-1023)'), String(light));
  await expect(page.getByTestId('nightlight-led')).toHaveAttribute('data-state', led, { timeout: 20_000 });
}

test('a student runs a Python device and a Python server, and E1 to E6 turn green by keyboard', async ({ page, lab }) => {
  // Generous: Chromium, the lab and two Python programs share a busy machine, and every move is a key press.
  test.setTimeout(480_000);
  const counterfitPort = lab.counterfitPort;
  if (counterfitPort === undefined) throw new Error(`The lab's ready line named no CounterFit port:\n${lab.output()}`);
  try {
    await page.goto(lab.url);
    await expect(page.getByRole('status', { name: 'Lab connection' })).toContainText('Connected');

    // "Your code is the device": chosen before the ID, so the lab's own device never connects as the student's client.
    await goTo(page, 'Nightlight', 'Nightlight');
    await tabTo(page, page.getByRole('radio', { name: 'Virtual nightlight' }));
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: 'Hardware only: your code is the device' })).toBeChecked();
    await expect(page.getByTestId('device-connection')).toContainText('Hardware only: your program reads the sensor');

    await goTo(page, 'Lesson', 'Lesson');
    await activate(page, page.getByRole('button', { name: 'New student' }));
    await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
    await page.keyboard.type('Priya');
    await page.keyboard.press('Tab');
    await page.keyboard.type(STUDENT_ID);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('lesson-student-id')).toHaveText(`Your ID: ${STUDENT_ID}`);
    for (const id of EXERCISES) await expect(stepEntry(page, id)).not.toHaveAttribute('data-state', 'passed');

    const check = page.getByTestId('lesson-check');
    await openStep(page, 'E1');
    const device = runPython('lesson_device_http.py', [STUDENT_ID, String(lab.brokerPort), String(counterfitPort)]);
    await waitForOutput(device, 'MQTT connected!', 'the Python device should connect');
    await expectGreen(page, 'E1');
    await expect(check).toContainText(`${STUDENT_ID}nightlight_client`);
    await expectGreen(page, 'E2');

    await openStep(page, 'E3');
    const server = runPython('lesson_server.py', [STUDENT_ID, String(lab.brokerPort)]);
    await waitForOutput(server, 'READY', 'the Python server should subscribe');
    await expectGreen(page, 'E3');
    await expect(check).toContainText(`${STUDENT_ID}nightlight_server`);

    // Dark, then bright: the server answers both (E4) and the LED the device drives follows (E5).
    await openStep(page, 'E4');
    await takeMeThere(page);
    await setLight(page, 100, 'on');
    await setLight(page, 700, 'off');
    await goTo(page, 'Lesson', 'Lesson');
    await expectGreen(page, 'E4');
    await expectGreen(page, 'E5');
    await openStep(page, 'E5');
    await expect(check).toContainText('The LED switched on and off as the commands said.');

    // Dark again completes the dark-bright-dark cycle.
    await openStep(page, 'E6');
    await takeMeThere(page);
    await setLight(page, 100, 'on');
    await goTo(page, 'Lesson', 'Lesson');
    await expectGreen(page, 'E6');
    for (const id of EXERCISES) await expect(stepEntry(page, id)).toHaveAttribute('data-state', 'passed');
    await openStep(page, 'E6');
    await expect(check).toHaveAttribute('data-state', 'passed');

    expect(device.output()).toContain('Message received:');
    expect(server.output()).toContain('Sending message:');
  } finally {
    await stopPythons();
  }
});
