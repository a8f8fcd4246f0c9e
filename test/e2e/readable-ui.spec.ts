// What a student reads at 1280px in Chromium against the real lab, in English and Telugu: the Explorer's plot labels
// its time axis with clock times a few seconds apart (not "Mar 2027 … 2029") even for three readings in one second;
// a failed connect keeps the header to one line with the reason behind "Why?"; the Nightlight's console style select
// shows its options whole.
import net from 'node:net';
import type { Page } from '@playwright/test';
import mqtt from 'mqtt';
import { expect, test } from './fixtures';
import { connectToNobodyHome } from './lab-steps';

const LATIN_MONTHS = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/;
const CLOCK = /^\d\d:\d\d:\d\d$/;

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function useLanguage(page: Page, locale: 'en' | 'te'): Promise<void> {
  await page.locator('#language-switcher').selectOption(locale);
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

/** Every text uPlot (or anything else) draws on a canvas, recorded as it is drawn. */
async function recordCanvasText(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const drawn: string[] = [];
    (window as unknown as { drawnTexts: string[] }).drawnTexts = drawn;
    const fillText = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (text: string, ...rest: [number, number, number?]) {
      drawn.push(String(text));
      return fillText.call(this, text, ...rest);
    };
  });
}

const drawnTexts = (page: Page) => page.evaluate(() => (window as unknown as { drawnTexts: string[] }).drawnTexts.splice(0));

function seconds(clock: string): number {
  const [hours, minutes, secs] = clock.split(':').map(Number);
  return hours! * 3600 + minutes! * 60 + secs!;
}

test('three readings within one second get clock-time ticks a few seconds apart, in English and Telugu', async ({ page, lab }) => {
  await recordCanvasText(page);
  await page.goto(lab.url);
  await useLanguage(page, 'en');
  await expect(page.locator('.pill--connected')).toBeVisible({ timeout: 30_000 });
  const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${lab.brokerPort}`);
  try {
    // The chart is first drawn with one reading (uPlot widens that to 1000 days), then two more come within a second.
    await client.publishAsync('e2e-axis/kitchen/light', JSON.stringify({ light: 312 }));
    const tree = page.getByRole('tree', { name: 'Topic tree' });
    await tree.getByRole('treeitem', { name: /^e2e-axis,/ }).locator('.chevron').click();
    await tree.getByRole('treeitem', { name: /^kitchen,/ }).locator('.chevron').click();
    await tree.getByRole('treeitem', { name: /^light, 1 message on this topic/ }).click();
    await expect(page.getByTestId('plot-summary')).toHaveText('light: 1 point, 312');
    for (const light of [290, 150]) await client.publishAsync('e2e-axis/kitchen/light', JSON.stringify({ light }));
  } finally {
    await client.endAsync();
  }
  await expect(page.getByTestId('plot-summary')).toHaveText('light: 3 points, latest 150, lowest 150, highest 312');
  // Judge what is drawn with all three: a narrower window makes the chart draw itself again.
  await drawnTexts(page);
  await page.setViewportSize({ width: 1260, height: 800 });

  for (const locale of ['en', 'te'] as const) {
    if (locale === 'te') {
      await drawnTexts(page);
      await useLanguage(page, 'te');
    }
    let drawn: string[] = [];
    await expect
      .poll(async () => {
        drawn = [...drawn, ...(await drawnTexts(page))];
        return drawn.filter((text) => text.includes(':')).length;
      })
      .toBeGreaterThanOrEqual(2);
    const ticks = drawn.filter((text) => text.includes(':'));
    expect(ticks.every((tick) => CLOCK.test(tick)), `${locale} ticks: ${ticks.join(', ')}`).toBe(true);
    expect(drawn.join(' '), `${locale}: no month names or years`).not.toMatch(LATIN_MONTHS);
    expect(drawn.some((text) => /^20\d\d$/.test(text)), `${locale}: ${drawn.join(', ')}`).toBe(false);
    const span = seconds(ticks.at(-1)!) - seconds(ticks[0]!);
    expect(span, `${locale} ticks: ${ticks.join(', ')}`).toBeGreaterThanOrEqual(2);
    expect(span, `${locale} ticks: ${ticks.join(', ')}`).toBeLessThanOrEqual(60);
  }
  await useLanguage(page, 'en');
});

test('a failed connect keeps the header one line; "Why?" shows the reason and leads to the Connection dialog', async ({ page, lab }) => {
  const port = await closedPort();
  await page.goto(lab.url);
  await useLanguage(page, 'en');
  const header = page.locator('header.header');
  const connectedHeight = (await header.boundingBox())!.height;
  const dialog = await connectToNobodyHome(page, port);
  await dialog.getByRole('button', { name: 'Close' }).click();

  for (const [locale, why, state, reason] of [
    ['en', 'Why?', 'Could not connect', `No broker is answering at 127.0.0.1:${port}`],
    ['te', 'ఎందుకు?', 'కనెక్ట్ కాలేకపోయింది', `127.0.0.1:${port} వద్ద ఏ బ్రోకర్ జవాబు ఇవ్వడం లేదు`],
  ] as const) {
    await useLanguage(page, locale);
    await expect(page.getByTestId('status-state')).toHaveText(state);
    const height = (await header.boundingBox())!.height;
    expect(height, `${locale}: header height with a failed connect`).toBeLessThanOrEqual(connectedHeight + 4);
    expect((await page.locator('.pill').boundingBox())!.height, `${locale}: the pill is one line`).toBeLessThan(40);
    await expect(page.getByTestId('status-details')).toHaveCount(0);

    const button = page.getByRole('button', { name: why });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByTestId('status-details')).toContainText(reason);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('status-details')).toHaveCount(0);
    await expect(button).toBeFocused();
  }
  await useLanguage(page, 'en');
  await page.getByRole('button', { name: 'Why?' }).click();
  await page.getByRole('button', { name: 'Change the connection' }).click();
  await expect(page.getByRole('dialog', { name: 'Connection' })).toBeVisible();
});

test('the console style select shows its options whole at 1280px, in English and Telugu', async ({ page, lab }) => {
  await page.goto(`${lab.url}#/nightlight`);
  for (const locale of ['en', 'te'] as const) {
    await useLanguage(page, locale);
    const select = page.locator('#nl-console-style');
    await expect(select).toBeVisible();
    const overflow = await select.evaluate((element: HTMLSelectElement) => {
      const style = getComputedStyle(element);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      // The text has the box minus its padding and the drop-down arrow (about 20px in Chromium).
      const room = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
      return [...element.options].map((option) => ({ text: option.text, over: Math.ceil(context.measureText(option.text).width - room) }));
    });
    for (const { text, over } of overflow) expect(over, `${locale}: "${text}" is cut off by ${over}px`).toBeLessThanOrEqual(0);
  }
  await useLanguage(page, 'en');
});
