// Switching to Telugu with the header's language switcher (by keyboard) changes every visible string, in Chromium against
// the real lab: each page is first given real content from the main side (topics, an experiment's result, console lines,
// a failing check), then no text, aria-label, placeholder or title may keep English beyond technical tokens and data.
import type { Page } from '@playwright/test';
import mqtt from 'mqtt';
import { CODE_SELECTOR, TEXT_ATTRIBUTES, untranslatedWords } from '../renderer/i18n/latin-words';
import { expect, test } from './fixtures';
import { runNightlightFast } from './lab-steps';
import { tabTo } from './keyboard';

const STUDENT_ID = 'tee2e';
const SCREENSHOTS = process.env.TELUGU_SCREENSHOTS_PREFIX ?? '/tmp/tee2e';

/** Data, not words of the app: the test's student, the wildcard lab's example of another student, "English". */
const DATA_PHRASES = ['Asha', 'other-student', 'English'];
/** Data too: topics, the lab's random client ids and the experiments' topics. */
const DATA_PATTERNS = [
  // A text that is only a topic or a filter (tree rows, the wildcard lab's list of topics seen, an example chip).
  /^[^\s/]*\/\S*$/g,
  // Random client ids: publisher-1ilyqy, mqttlab-x2k9q0.
  /\b(?:publisher|subscriber|late-sub|mqttlab)-[a-z0-9]{6}\b/g,
  // An experiment's topics, also as the diagram shortens them: playground/experiments/2da6e4/, …ents/2da6e4/.
  /(?:playground\/experiments|…[a-z]*)\/[0-9a-f]{6}\//g,
];
/** What the lesson's Python programs print, reproduced line by line in the nightlight consoles: English by design. */
const PROGRAM_OUTPUT = [
  /^MQTT connected!$/,
  /^Sending telemetry {2}\{"light": \d{1,4}\}$/,
  /^Message received: \{'led_on': (True|False)\}$/,
  /^Message received: \{'light': \d{1,4}\}$/,
  /^Sending message: \{'led_on': (True|False)\}$/,
];

interface SeenText {
  text: string;
  where: string;
  /** A line of a nightlight console (the device's or the server's). */
  consoleLine: boolean;
}

/** Every text node and text attribute in the page, outside code the student copies, with where it sits. */
function collectTexts(options: { code: string; attributes: string[] }): SeenText[] {
  const describe = (element: Element | null): string => {
    const parts: string[] = [];
    for (let at = element; at && at !== document.body && parts.length < 3; at = at.parentElement) {
      const testId = at.getAttribute('data-testid');
      const id = at.id ? `#${at.id}` : '';
      const cls = typeof at.className === 'string' && at.className.trim() ? `.${at.className.trim().split(/\s+/)[0]}` : '';
      parts.unshift(`${at.tagName.toLowerCase()}${id}${testId ? `[data-testid=${testId}]` : cls}`);
    }
    return parts.join(' > ');
  };
  const seen: SeenText[] = [{ text: document.title, where: 'document.title', consoleLine: false }];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim();
    const parent = node.parentElement;
    if (text && !parent?.closest(options.code)) {
      seen.push({ text, where: describe(parent), consoleLine: Boolean(parent?.closest('[data-testid="console-line"]')) });
    }
  }
  for (const element of document.body.querySelectorAll('*')) {
    if (element.closest(options.code)) continue;
    for (const name of options.attributes) {
      const value = element.getAttribute(name)?.trim();
      if (value) seen.push({ text: value, where: `${describe(element)} @${name}`, consoleLine: false });
    }
  }
  return seen;
}

/** The texts that still have English words, each with the words and where it sits; the student's ID counts as data. */
async function englishLeft(page: Page, studentId: string, extraPhrases: readonly string[] = []): Promise<string[]> {
  const seen = await page.evaluate(collectTexts, { code: CODE_SELECTOR, attributes: [...TEXT_ATTRIBUTES] });
  const phrases = [...extraPhrases, `${studentId}nightlight_client`, `${studentId}nightlight_server`, studentId, ...DATA_PHRASES];
  return seen
    .filter(({ text, consoleLine }) => !(consoleLine && PROGRAM_OUTPUT.some((line) => line.test(text))))
    .map(({ text, where }) => ({ text, where, words: untranslatedWords(DATA_PATTERNS.reduce((rest, allowed) => rest.replace(allowed, ' '), text), phrases) }))
    .filter(({ words }) => words.length > 0)
    .map(({ text, where, words }) => `${JSON.stringify(text)} (${words.join(', ')}) at ${where}`);
}

/** Picks a language in the header's switcher with the keyboard only: Tab to it, arrow keys to the option. */
async function switchLanguage(page: Page, locale: 'en' | 'te'): Promise<void> {
  const switcher = page.locator('#language-switcher');
  if ((await switcher.inputValue()) === locale) return;
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await tabTo(page, switcher);
  await page.keyboard.press(locale === 'te' ? 'ArrowDown' : 'ArrowUp');
  await expect(switcher).toHaveValue(locale);
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

/** The page shows English first (so the check can fail), then Telugu everywhere once the switcher says so. */
async function expectTeluguEverywhere(page: Page, name: string, studentId: string, extraPhrases: readonly string[] = []): Promise<void> {
  expect((await englishLeft(page, studentId, extraPhrases)).length, `${name} should show English before the switch`).toBeGreaterThan(10);
  await switchLanguage(page, 'te');
  // Texts from the main side are translated as they arrive; give a re-render a moment before judging.
  await expect
    .poll(async () => (await englishLeft(page, studentId, extraPhrases)).join('\n'), {
      message: `English left on the ${name} page after switching to Telugu`,
      timeout: 5_000,
    })
    .toBe('');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENSHOTS}-${name.toLowerCase()}.png`, fullPage: true });
}

/** Opens the lab in English at the Lesson (to learn the student's ID, which is data on every page), then the route. */
async function openLab(page: Page, url: string, route: string, heading: string): Promise<string> {
  await page.goto(`${url}#/lesson`);
  // The language is saved in the lab's settings; every test here ends back in English (see afterEach).
  await expect(page.locator('.pill--connected')).toBeVisible({ timeout: 30_000 });
  await switchLanguage(page, 'en');
  await expect(page.getByRole('status', { name: 'Lab connection' })).toContainText('Connected');
  const idLine = page.getByTestId('lesson-student-id');
  await expect(idLine).toHaveText(/^Your ID: \S+$/);
  const studentId = (await idLine.textContent())!.replace('Your ID: ', '');
  if (route !== 'lesson') await page.getByRole('link', { name: heading }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  return studentId;
}

async function createStudent(page: Page): Promise<void> {
  const idLine = page.getByTestId('lesson-student-id');
  await expect(idLine).toBeVisible();
  if ((await idLine.textContent())?.includes(STUDENT_ID)) return;
  await page.getByRole('button', { name: 'New student' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
  await page.keyboard.type('Asha');
  await page.keyboard.press('Tab');
  await page.keyboard.type(STUDENT_ID);
  await page.keyboard.press('Enter');
  await expect(idLine).toHaveText(`Your ID: ${STUDENT_ID}`);
}

// The language is saved in the lab's settings, which the tests of this file share: each one leaves it in English.
test.afterEach(async ({ page }) => {
  if (await page.locator('#language-switcher').isVisible()) await switchLanguage(page, 'en');
});

test('Lesson: a step whose check fails with a message, in Telugu', async ({ page, lab }) => {
  await openLab(page, lab.url, 'lesson', 'Lesson');
  await createStudent(page);
  const server = await mqtt.connectAsync(`mqtt://127.0.0.1:${lab.brokerPort}`, { clientId: `${STUDENT_ID}nightlight_server` });
  try {
    await server.publishAsync(`${STUDENT_ID}/telemetry`, '{"light": 120}');
    await server.publishAsync(`${STUDENT_ID}/command`, '{"led_on": true}');
    await page.locator('nav button[data-step="E4"]').click();
    const check = page.getByTestId('lesson-check');
    await expect(check).toContainText(`but your server answers on ${STUDENT_ID}/command.`);
    await page.getByRole('button', { name: 'Show a hint' }).click();
    await expectTeluguEverywhere(page, 'Lesson', STUDENT_ID, [`${STUDENT_ID}/command`]);
  } finally {
    await server.endAsync();
  }
});

test('Explorer: published topics, one selected, and a filter in the wildcard lab, in Telugu', async ({ page, lab }) => {
  const studentId = await openLab(page, lab.url, 'explorer', 'Explorer');
  await expect(page.getByTestId('explorer-client')).toContainText('Connected');
  const device = await mqtt.connectAsync(`mqtt://127.0.0.1:${lab.brokerPort}`, { clientId: 'tee2e-publisher' });
  try {
    for (const light of [312, 290, 150]) await device.publishAsync('home/kitchen/light', JSON.stringify({ light }), { qos: 1 });
    await device.publishAsync('home/room1/temperature', JSON.stringify({ temperature: 21.5 }), { qos: 1, retain: true });
    await device.publishAsync(`${studentId}/telemetry`, JSON.stringify({ light: 80 }), { qos: 1 });
  } finally {
    await device.endAsync();
  }
  const tree = page.getByRole('tree', { name: 'Topic tree' });
  const home = tree.getByRole('treeitem', { name: /^home,/ });
  await expect(home).toHaveAttribute('aria-label', /4 messages with the topics below/);
  await home.locator('.chevron').click();
  await tree.getByRole('treeitem', { name: /^kitchen,/ }).locator('.chevron').click();
  await tree.getByRole('treeitem', { name: /^light, 3 messages on this topic/ }).click();
  await expect(page.getByRole('region', { name: 'home/kitchen/light' }).getByTestId('plot-summary')).toContainText('3 points');

  await page.getByRole('tab', { name: 'Wildcard lab' }).click();
  await page.getByLabel('Filter to try').fill('home/+/light');
  await expect(page.getByTestId('lab-summary')).toHaveText(/^1 of \d+ topics match\.$/);
  await expectTeluguEverywhere(page, 'Explorer', studentId);
  await page.getByRole('tab', { name: /టాపిక్/ }).first().click();
  await page.screenshot({ path: `${SCREENSHOTS}-explorer-topics.png`, fullPage: true });
});

test('Playground: a client connected and an experiment run to its result, in Telugu', async ({ page, lab }) => {
  const studentId = await openLab(page, lab.url, 'playground', 'Playground');
  await page.getByRole('button', { name: 'Connect Publisher' }).click();
  await expect(page.getByRole('button', { name: 'Disconnect Publisher' })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Run experiment 4: Retained message' }).click();
  const result = page.getByRole('region', { name: 'Experiment 4: Retained message' });
  await expect(result.getByTestId('verdict')).toBeVisible({ timeout: 40_000 });
  // The diagram names the experiment's own clients and notes its start and end: keys too, so they turn Telugu.
  await expect(page.getByTestId('sequence-diagram')).toContainText('Experiment 4 finished (as expected):');
  await expect(page.locator('.heads')).toContainText('Late subscriber (experiment)');
  await expectTeluguEverywhere(page, 'Playground', studentId);
  await expect(page.locator('.heads')).toContainText('ఆలస్యపు సబ్‌స్క్రైబర్ (ప్రయోగం)');

  // An experiment run while the page is in Telugu: its fault note (a dropped PUBLISH), client names, start and result
  // arrive in Telugu. Its topic (…/reading) and payloads ("reading 1", "reading 2") are data and stay as sent.
  await page.getByRole('button', { name: 'ప్రయోగం 1 నడుపు: ప్యాకెట్‌లు పోయేటప్పుడు QoS 0' }).click();
  const lossResult = page.getByRole('region', { name: 'ప్రయోగం 1: ప్యాకెట్‌లు పోయేటప్పుడు QoS 0' });
  await expect(lossResult.getByTestId('verdict')).toBeVisible({ timeout: 40_000 });
  await expect(page.getByTestId('sequence-diagram')).toContainText('ప్రయోగం 1 ముగిసింది (అనుకున్నట్లే జరిగింది):');
  await expect(page.locator('.heads')).toContainText('పబ్లిషర్ (ప్రయోగం)');
  // The row itself is shortened to fit; its spoken label has the whole sentence.
  const dropNote = page.locator('[data-testid="diagram-row"][aria-label*="పడేయబడతాయి"]');
  await expect(dropNote).toHaveAttribute('aria-label', 'పబ్లిషర్ (ప్రయోగం) నుండి బ్రోకర్‌కు వెళ్ళే తర్వాతి 1 PUBLISH ప్యాకెట్(లు) పడేయబడతాయి. (పబ్లిషర్ (ప్రయోగం))');
  await expect
    .poll(async () => (await englishLeft(page, studentId, ['reading'])).join('\n'), {
      message: 'English left on the Playground page after an experiment run in Telugu',
      timeout: 5_000,
    })
    .toBe('');
});

test('Nightlight: the virtual device and the server exchange a few readings, in Telugu', async ({ page, lab }) => {
  const studentId = await openLab(page, lab.url, 'nightlight', 'Nightlight');
  await runNightlightFast(page);
  const light = page.getByLabel('Light (0-1023)');
  await light.fill('100');
  await light.press('Enter');
  await expect(page.getByTestId('nightlight-led')).toHaveAttribute('data-state', 'on', { timeout: 15_000 });
  await expect(page.getByTestId('server-console')).toContainText("Sending message: {'led_on': True}");
  await expect(page.getByTestId('led-switch-log')).toContainText(`{"led_on": true} on ${studentId}/commands`);
  await expectTeluguEverywhere(page, 'Nightlight', studentId);
  // Why the LED switched, in Telugu around the command's payload and topic, which stay as they came.
  await expect(page.getByTestId('led-switch-log')).toContainText(`${studentId}/commands పై {"led_on": true}`);
});

test('Nightlight hardware only: CounterFit calls from a program and the LED they switched, in Telugu', async ({ page, lab }) => {
  const studentId = await openLab(page, lab.url, 'nightlight', 'Nightlight');
  await page.getByLabel('Hardware only: your code is the device').check();
  const address = (await page.getByTestId('counterfit-address').locator('code').textContent()) ?? '';
  expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  // What the lesson's Python does through CounterFit, plus one call that names no pin: each call's summary is words.
  expect((await fetch(`${address}/connect`, { method: 'POST' })).status).toBe(200);
  expect((await fetch(`${address}/sensor_value?port=0`)).status).toBe(200);
  const drive = (query: string, value: boolean) => fetch(`${address}/actuator_value${query}`, { method: 'POST', body: JSON.stringify({ value }) });
  expect((await drive('?port=5', false)).status).toBe(200);
  expect((await drive('?port=5', true)).status).toBe(200);
  expect((await drive('', true)).status).toBe(404);
  const calls = page.getByTestId('http-calls');
  await expect(calls).toContainText('no actuator on pin (none)');
  await expect(calls).toContainText('read the light sensor (pin 0)');
  await expect(page.getByTestId('nightlight-led')).toHaveAttribute('data-state', 'on');
  try {
    // The CounterFit address is data, like the student's ID.
    await expectTeluguEverywhere(page, 'Nightlight-hardware', studentId, [address]);
    await expect(calls).toContainText('లైట్ సెన్సార్‌ను (పిన్ 0) చదివింది');
    await expect(calls).toContainText('పిన్ (ఏదీ లేదు) పై యాక్చుయేటర్ లేదు');
  } finally {
    await switchLanguage(page, 'en');
    await page.getByLabel('Virtual nightlight').check();
  }
});

test('Board: no board plugged in, the explanations and the LAN panel, in Telugu', async ({ page, lab }) => {
  const studentId = await openLab(page, lab.url, 'board', 'Board');
  await expectTeluguEverywhere(page, 'Board', studentId);
});
