// The Lesson in Chromium against the real headless lab: a student goes through E1 to E6 with the virtual nightlight
// using only the keyboard and sees every check turn green; a wrong commands topic gets the helpful failure; progress
// survives a restart of the host.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import mqtt from 'mqtt';
import { serveLab } from '../support/serve-lab';
import { expect, test } from './fixtures';
import { activate, typeInto } from './keyboard';

const SCREENSHOT = process.env.LESSON_SCREENSHOT ?? 'test-results/lesson/lesson.png';

async function openLab(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('status', { name: 'Lab connection' })).toContainText('Connected');
}

async function goToLesson(page: Page): Promise<void> {
  await activate(page, page.getByRole('link', { name: 'Lesson' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Lesson' })).toBeFocused();
}

async function createStudent(page: Page, name: string, studentId: string): Promise<void> {
  await expect(page.getByTestId('lesson-student-id')).toBeVisible();
  await activate(page, page.getByRole('button', { name: 'New student' }));
  await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
  await page.keyboard.type(name);
  await page.keyboard.press('Tab');
  await page.keyboard.type(studentId);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('lesson-student-id')).toHaveText(`Your ID: ${studentId}`);
}

function stepEntry(page: Page, id: string): Locator {
  return page.locator(`nav button[data-step="${id}"]`);
}

/** Opens a step from the contents; focus lands on its heading, so the next Tab reaches "Take me there". */
async function openStep(page: Page, id: string): Promise<void> {
  await activate(page, stepEntry(page, id));
  await expect(page.getByTestId('lesson-content').getByRole('heading', { level: 2 })).toBeFocused();
}

async function takeMeThere(page: Page, heading: string): Promise<void> {
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('lesson-go')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

async function expectGreen(page: Page, id: string): Promise<void> {
  await expect(stepEntry(page, id)).toHaveAttribute('data-state', 'passed', { timeout: 20_000 });
}

async function setLight(page: Page, light: number, led: 'on' | 'off'): Promise<void> {
  await typeInto(page, page.getByLabel('Light (0-1023)'), String(light));
  await expect(page.getByTestId('nightlight-led')).toHaveAttribute('data-state', led, { timeout: 15_000 });
}

test('a student goes through E1 to E6 with the virtual nightlight by keyboard and every check turns green', async ({ page, lab }) => {
  test.setTimeout(180_000);
  await openLab(page, lab.url);
  await goToLesson(page);
  await createStudent(page, 'Asha', 'asha-e2e');

  await openStep(page, 'E1');
  await takeMeThere(page, 'Nightlight');
  await expect(page.getByTestId('device-connection')).toContainText('as asha-e2enightlight_client');
  await goToLesson(page);
  await expectGreen(page, 'E1');

  await openStep(page, 'E2');
  await takeMeThere(page, 'Nightlight');
  // Faster than the lesson's 5 s, so the test does not wait long for two readings.
  await typeInto(page, page.getByLabel('Send every (seconds)'), '1');
  await goToLesson(page);
  await expectGreen(page, 'E2');

  await openStep(page, 'E3');
  await takeMeThere(page, 'Nightlight');
  await activate(page, page.getByRole('button', { name: 'Start server' }));
  await expect(page.getByTestId('server-status')).toContainText('Running: listening on asha-e2e/telemetry');
  await goToLesson(page);
  await expectGreen(page, 'E3');

  await openStep(page, 'E4');
  await takeMeThere(page, 'Nightlight');
  await setLight(page, 100, 'on');
  await setLight(page, 500, 'off');
  await goToLesson(page);
  await expectGreen(page, 'E4');
  await expectGreen(page, 'E5');

  await openStep(page, 'E6');
  await takeMeThere(page, 'Nightlight');
  await setLight(page, 100, 'on');
  await goToLesson(page);
  await expectGreen(page, 'E6');

  await openStep(page, 'E6');
  const check = page.getByTestId('lesson-check');
  await expect(check).toHaveAttribute('data-state', 'passed');
  await expect(check).toContainText('Passed');
  for (const id of ['E1', 'E2', 'E3', 'E4', 'E5', 'E6']) await expect(stepEntry(page, id)).toHaveAttribute('data-state', 'passed');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: SCREENSHOT });
});

test('a server that answers on the wrong topic gets a check that says what it saw and what the lesson uses', async ({ page, lab }) => {
  await openLab(page, lab.url);
  await page.getByRole('link', { name: 'Lesson' }).click();
  await createStudent(page, 'Ravi', 'ravi-e2e');

  // The student's own server, with a typo in the commands topic.
  const server = await mqtt.connectAsync(`mqtt://127.0.0.1:${lab.brokerPort}`, { clientId: 'ravi-e2enightlight_server' });
  try {
    await server.publishAsync('ravi-e2e/telemetry', '{"light": 120}');
    await server.publishAsync('ravi-e2e/command', '{"led_on": true}');
    await stepEntry(page, 'E4').click();
    const check = page.getByTestId('lesson-check');
    await expect(check).toContainText('I see telemetry on ravi-e2e/telemetry but your server answers on ravi-e2e/command.');
    await expect(check).toContainText('The lesson uses ravi-e2e/commands.');
    await expect(check).not.toHaveAttribute('data-state', 'passed');
    await page.getByRole('button', { name: 'Show a hint' }).click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, '-failing-check.png') });
  } finally {
    await server.endAsync();
  }
});

test('the teacher gets a file to download and a printed page with only the lesson summary', async ({ page, lab }) => {
  await openLab(page, lab.url);
  await page.getByRole('link', { name: 'Lesson' }).click();
  await createStudent(page, 'Lena', 'lena-e2e');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export for the teacher' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  const saved = await download.path();
  const { readFile } = await import('node:fs/promises');
  expect(await readFile(saved, 'utf8')).toContain('lena-e2e');
  await expect(page.getByRole('status').filter({ hasText: `Saved ${download.suggestedFilename()}.` })).toBeVisible();

  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });
  await page.getByRole('button', { name: 'Print' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.lesson-print')).toBeVisible();
  await expect(page.locator('.lesson-print')).toContainText('Lena');
  await expect(page.locator('.lesson-print')).toContainText('Your ID: lena-e2e');
  await expect(page.getByRole('navigation', { name: 'Parts of the lab' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'New student' })).toBeHidden();
  await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, '-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('.lesson-print')).toBeHidden();
});

test('"Take me there" opens the lab with the step\'s fields filled in, by keyboard', async ({ page, lab }) => {
  test.setTimeout(120_000);
  await openLab(page, lab.url);
  await goToLesson(page);
  await createStudent(page, 'Kiran', 'kiran-e2e');

  // The student's own interval first: the button (and only the button) replaces it with the lesson's value.
  await activate(page, page.getByRole('link', { name: 'Nightlight' }));
  const interval = page.getByLabel('Send every (seconds)');
  await typeInto(page, interval, '3');
  await expect(page.getByTestId('interval-pending')).toBeHidden();
  await goToLesson(page);
  await openStep(page, 'telemetry-frequency');
  await takeMeThere(page, 'Nightlight');
  await expect(interval).toBeFocused();
  await expect(interval).toHaveValue('1');
  await expect(page.getByTestId('interval-pending')).toHaveText('Not used yet: press Enter to apply this interval.');
  expect(new URL(page.url()).hash).toBe('#/nightlight');
  await page.screenshot({ path: process.env.PREFILL_SCREENSHOT ?? SCREENSHOT.replace(/\.png$/, '-prefill.png') });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('interval-pending')).toBeHidden();
  await expect(interval).toHaveValue('1');

  // The wildcard step: the Explorer's wildcard lab at the lesson's exercise, with the keyboard in its answer box.
  await goToLesson(page);
  await openStep(page, 'broker-topics-wildcards');
  await takeMeThere(page, 'Explorer');
  await expect(page.getByRole('tab', { name: 'Wildcard lab' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('button', { name: 'Exercise 2' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByLabel('Your filter')).toBeFocused();
  expect(new URL(page.url()).hash).toBe('#/explorer');
});

test('progress survives a restart of the host', async ({ page }) => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mqtt-lab-lesson-'));
  try {
    const first = await serveLab({ dataDir });
    try {
      await openLab(page, first.url);
      await page.getByRole('link', { name: 'Lesson' }).click();
      await createStudent(page, 'Mira', 'mira-e2e');
      const question = page.locator('form[data-question="pre-always-online"]');
      await question.getByLabel('No').check();
      await question.getByRole('button', { name: 'Check my answer' }).click();
      await expect(question.getByTestId('quiz-feedback')).toContainText('Right.');
      await page.getByRole('button', { name: 'Think about it' }).click();
      await page.getByLabel(/thousands of devices/).fill('The broker only keeps a list of who wants which topic.');
      await expect(page.getByTestId('lesson-save-state').first()).toHaveText('Saved');
    } finally {
      await first.stop();
    }

    const second = await serveLab({ dataDir });
    try {
      await openLab(page, second.url);
      await page.getByRole('link', { name: 'Lesson' }).click();
      await expect(page.getByTestId('lesson-student-id')).toHaveText('Your ID: mira-e2e');
      await expect(page.getByLabel('Student profile')).toContainText('Mira');
      await page.getByRole('button', { name: 'Quiz before the lesson' }).click();
      await expect(page.locator('form[data-question="pre-always-online"]').getByTestId('quiz-feedback')).toContainText('Right.');
      await page.getByRole('button', { name: 'Think about it' }).click();
      await expect(page.getByLabel(/thousands of devices/)).toHaveValue('The broker only keeps a list of who wants which topic.');
    } finally {
      await second.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
