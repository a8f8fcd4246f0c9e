// Steps several e2e specs take the same way: a custom broker profile nobody answers on, and the nightlight running
// fast (a reading a second) with the lab's server on. Not a spec itself.
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** Opens the Connection dialog, saves a custom profile for 127.0.0.1:<port> and presses Connect; returns the dialog. */
export async function connectToNobodyHome(page: Page, port: number): Promise<Locator> {
  await page.getByRole('button', { name: 'Connection' }).click();
  const dialog = page.getByRole('dialog', { name: 'Connection' });
  await dialog.getByRole('button', { name: 'New custom profile' }).click();
  await dialog.getByLabel('Profile name').fill('Nobody home');
  await dialog.getByLabel('Broker host').fill('127.0.0.1');
  await dialog.getByLabel('Port', { exact: true }).fill(String(port));
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.getByRole('button', { name: 'Connect' }).click();
  return dialog;
}

/** On the Nightlight page: a reading every second (not the lesson's 5 s, so tests do not wait) and the server on. */
export async function runNightlightFast(page: Page): Promise<void> {
  const interval = page.getByLabel('Send every (seconds)');
  await interval.fill('1');
  await interval.press('Enter');
  const start = page.getByRole('button', { name: 'Start server' });
  if (await start.isVisible()) await start.click();
  await expect(page.getByTestId('server-status')).toContainText('Running: listening on');
}
