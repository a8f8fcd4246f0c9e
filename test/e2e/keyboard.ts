// Keyboard-only ways to reach and use controls in the e2e tests: Tab until a control has focus (which proves it is
// reachable by keyboard, in the page's own order), then Enter or typing. Not a test file.
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** Presses Tab until the target has focus: proves it is reachable by keyboard, in the page's own order. */
export async function tabTo(page: Page, target: Locator, maxPresses = 250): Promise<void> {
  await expect(target).toBeVisible();
  for (let press = 0; press < maxPresses; press++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Could not reach ${target} with the Tab key in ${maxPresses} presses.`);
}

export async function activate(page: Page, target: Locator): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('Enter');
}

export async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}
