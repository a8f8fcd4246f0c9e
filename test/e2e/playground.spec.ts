// The Playground in Chromium against the real lab: experiment 2 shows the resent PUBLISH marked dup=1 in the packet
// diagram, and experiment 5 shows the QoS 1 message queued by a persistent session being delivered on return.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const EXPERIMENT_TIMEOUT_MS = 40_000;

async function openPlayground(page: Page, url: string): Promise<void> {
  await page.goto(`${url}#/playground`);
  await expect(page.getByRole('heading', { level: 1, name: 'Playground' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Lab connection' })).toContainText('Connected');
}

async function runExperiment(page: Page, number: number, title: string): Promise<Locator> {
  await page.getByRole('button', { name: `Run experiment ${number}: ${title}` }).click();
  const result = page.getByRole('region', { name: `Experiment ${number}: ${title}` });
  await expect(result).toBeVisible({ timeout: EXPERIMENT_TIMEOUT_MS });
  return result;
}

/** Only the rows in view are drawn, so scroll the diagram from the top until a row with that spoken label appears. */
async function findRow(page: Page, name: RegExp): Promise<Locator> {
  const scroller = page.getByTestId('sequence-diagram').locator('xpath=..');
  const heightPx = await scroller.evaluate((element) => element.scrollHeight);
  const row = page.getByRole('img', { name }).first();
  for (let topPx = 0; topPx <= heightPx; topPx += 200) {
    await scroller.evaluate((element, top) => element.scrollTo({ top }), topPx);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    if ((await row.count()) > 0) return row;
  }
  throw new Error(`No diagram row matches ${name}`);
}

test('experiment 2: the PUBLISH sent again after the lost PUBACK is marked dup=1 in the diagram', async ({ page, lab }) => {
  await openPlayground(page, lab.url);
  const result = await runExperiment(page, 2, 'QoS 1 when the PUBACK is lost');
  await expect(result.getByTestId('verdict')).toHaveText(/It happened as expected\./);
  await expect(result.getByTestId('observed')).toContainText('the second time with dup=1');

  const lostAck = await findRow(page, /^PUBACK id \d+ lost, from Broker to Publisher \(experiment\)/);
  await expect(lostAck.locator('path.cross')).toHaveCount(1);

  const resent = await findRow(page, /^PUBLISH id \d+ QoS 1 dup=1 "lamp on", from Publisher \(experiment\) to Broker/);
  await expect(resent.getByTestId('arrow-label')).toContainText('dup=1');
  await resent.hover();
  const tooltip = page.getByRole('tooltip');
  await expect(tooltip).toContainText('Dup (resent copy)');
  await expect(tooltip.locator('dt', { hasText: 'Dup (resent copy)' }).locator('xpath=following-sibling::dd[1]')).toHaveText('yes');
});

test('experiment 5: the QoS 1 message sent while the subscriber was away is delivered when it returns', async ({ page, lab }) => {
  await openPlayground(page, lab.url);
  const clear = page.getByRole('button', { name: 'Clear' });
  if (await clear.isEnabled()) await clear.click();
  const result = await runExperiment(page, 5, 'Persistent session');
  await expect(result.getByTestId('verdict')).toHaveText(/It happened as expected\./);
  await expect(result.getByTestId('observed')).toContainText('session present = 1, the Subscriber got ["session kept: QoS 1 while away"]');

  const subscriber = 'Subscriber, session kept \\(experiment\\)';
  await findRow(page, new RegExp(`^CONNACK session present=1 code 0, from Broker to ${subscriber}`));
  const delivered = await findRow(page, new RegExp(`^PUBLISH id \\d+ QoS 1( dup=1)? "session kept:…", from Broker to ${subscriber}`));
  await delivered.hover();
  await expect(page.getByRole('tooltip')).toContainText('session kept: QoS 1 while away');
});
