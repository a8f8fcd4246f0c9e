// The Explorer in Chromium against the real headless host: messages published with mosquitto_pub appear in the live
// tree with the right counts, the selected topic shows its JSON and a plot, and the wildcard lab marks the right topics.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const run = promisify(execFile);
const SCREENSHOT_DIR = process.env.MQTT_LAB_SCREENSHOT_DIR;

async function publish(port: number, topic: string, payload: string): Promise<void> {
  const args = ['-h', '127.0.0.1', '-p', String(port), '-t', topic, '-m', payload, '-q', '1'];
  await run('mosquitto_pub', args, { timeout: 10_000 });
}

async function openExplorer(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('status', { name: 'Lab connection' })).toContainText('Connected');
  await expect(page.getByTestId('explorer-client')).toContainText('Connected');
  await expect(page.getByText('listening', { exact: true })).toBeVisible();
}

test('published messages appear in the tree with their counts, JSON and a plot of a field', async ({ page, lab }) => {
  await openExplorer(page, lab.url);
  for (const light of [312, 290, 150]) await publish(lab.brokerPort, 'e2e-class/livingroom/telemetry', JSON.stringify({ light, unit: 'lux' }));
  await publish(lab.brokerPort, 'e2e-class/kitchen/telemetry', '{"light":80}');
  await publish(lab.brokerPort, 'e2e-class/livingroom/commands', '{"led_on":true}');

  const tree = page.getByRole('tree', { name: 'Topic tree' });
  const top = tree.getByRole('treeitem', { name: /^e2e-class,/ });
  await expect(top).toHaveAttribute('aria-label', /5 messages with the topics below/);
  await top.locator('.chevron').click();
  await tree.getByRole('treeitem', { name: /^livingroom,/ }).locator('.chevron').click();
  const telemetry = tree.getByRole('treeitem', { name: /^telemetry, 3 messages on this topic/ });
  await expect(telemetry).toHaveAttribute('aria-level', '3');
  await expect(tree.getByRole('treeitem', { name: /^commands, 1 message on this topic/ })).toBeVisible();

  await telemetry.click();
  const details = page.getByRole('region', { name: 'e2e-class/livingroom/telemetry' });
  await expect(details.getByTestId('payload-json')).toHaveText('{\n  "light": 150,\n  "unit": "lux"\n}');
  await expect(details.getByTestId('plot-summary')).toHaveText('light: 3 points, latest 150, lowest 150, highest 312');
  await expect(details.getByTestId('field-plot').locator('canvas')).toBeVisible();

  // Live: one more message moves the count, the JSON and the plot without touching anything.
  await publish(lab.brokerPort, 'e2e-class/livingroom/telemetry', '{"light":20,"unit":"lux"}');
  await expect(tree.getByRole('treeitem', { name: /^telemetry, 4 messages on this topic/ })).toBeVisible();
  await expect(details.getByTestId('plot-summary')).toHaveText('light: 4 points, latest 20, lowest 20, highest 312');
  if (SCREENSHOT_DIR) await page.screenshot({ path: `${SCREENSHOT_DIR}/explorer.png` });
});

test('the wildcard lab marks every known topic and says why one does not match', async ({ page, lab }) => {
  await openExplorer(page, lab.url);
  await publish(lab.brokerPort, 'e2e-lab/livingroom/telemetry', '1');
  await publish(lab.brokerPort, 'e2e-lab/kitchen/telemetry', '2');
  await publish(lab.brokerPort, 'e2e-lab/livingroom/commands', '3');
  await expect(page.getByRole('tree', { name: 'Topic tree' }).getByRole('treeitem', { name: /^e2e-lab,/ })).toHaveAttribute(
    'aria-label',
    /3 messages with the topics below/,
  );

  await page.getByRole('tab', { name: 'Wildcard lab' }).click();
  await page.getByLabel('Filter to try').fill('e2e-lab/+/telemetry');
  const rows = page.getByRole('list', { name: 'Topics and whether the filter matches them' });
  const row = (topic: string) => rows.getByRole('listitem').filter({ has: page.getByText(topic, { exact: true }) });
  await expect(row('e2e-lab/livingroom/telemetry')).toContainText('✓ match');
  await expect(row('e2e-lab/livingroom/telemetry')).toContainText('+ matched livingroom');
  await expect(row('e2e-lab/kitchen/telemetry')).toContainText('✓ match');
  await expect(row('e2e-lab/livingroom/commands')).toContainText('✗ no match');
  await expect(row('e2e-lab/livingroom/commands')).toContainText('level 3: telemetry ≠ commands');
  await expect(page.getByTestId('lab-summary')).toHaveText(/^2 of \d+ topics match\.$/);
  if (SCREENSHOT_DIR) await page.screenshot({ path: `${SCREENSHOT_DIR}/explorer-lab.png` });
});
