// The Nightlight in Chromium against the real headless lab: the virtual device's telemetry reaches the lab's server,
// whose command switches the LED (100: on, 500: off), and both consoles print the lesson's lines.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { runNightlightFast } from './lab-steps';

// Screenshots to look at as a student would (the best one is kept in docs/screenshots/nightlight.png by hand).
const SCREENSHOTS = process.env.NIGHTLIGHT_SCREENSHOTS_DIR ?? 'test-results/nightlight';

async function openNightlight(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('status', { name: 'Lab connection' })).toContainText('Connected');
  await page.getByRole('link', { name: 'Nightlight' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nightlight' })).toBeVisible();
}

async function setLight(page: Page, light: number): Promise<void> {
  const box = page.getByLabel('Light (0-1023)');
  await box.fill(String(light));
  await box.press('Enter');
  await expect(page.getByLabel('Light level', { exact: true })).toHaveValue(String(light));
}

function led(page: Page): Locator {
  return page.getByTestId('nightlight-led');
}

test('light 100 makes the server send led_on true and the LED glows; 500 switches it off', async ({ page, lab }) => {
  await openNightlight(page, lab.url);
  const studentId = await page.getByLabel('Your ID').inputValue();
  expect(studentId).toMatch(/^[A-Za-z0-9_-]{3,32}$/);

  // Faster than the lesson's 5 s, so the test does not wait long for each reading.
  const interval = page.getByLabel('Send every (seconds)');
  await interval.fill('1');
  await interval.press('Enter');

  await page.getByRole('button', { name: 'Start server' }).click();
  await expect(page.getByTestId('server-status')).toContainText(`Running: listening on ${studentId}/telemetry`);
  await expect(page.getByTestId('device-connection')).toContainText(`as ${studentId}nightlight_client`);

  await setLight(page, 100);
  const serverConsole = page.getByTestId('server-console');
  await expect(serverConsole).toContainText("Message received: {'light': 100}");
  await expect(serverConsole).toContainText("Sending message: {'led_on': True}");
  await expect(led(page)).toHaveAttribute('data-state', 'on');
  await expect(page.getByRole('img', { name: 'Yellow LED: LED on' })).toBeVisible();
  await expect(page.getByTestId('led-switch-log').locator('li').first()).toContainText('a command');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENSHOTS}/led-on.png` });

  await setLight(page, 500);
  await expect(serverConsole).toContainText("Message received: {'light': 500}");
  await expect(serverConsole).toContainText("Sending message: {'led_on': False}");
  await expect(led(page)).toHaveAttribute('data-state', 'off');
  await expect(page.getByRole('img', { name: 'Yellow LED: LED off' })).toBeVisible();
});

test("after a power cycle the consoles print exactly the lesson's lines", async ({ page, lab }) => {
  await openNightlight(page, lab.url);
  await runNightlightFast(page);

  await page.getByRole('button', { name: 'Power off' }).click();
  await expect(page.getByTestId('device-connection')).toContainText('Powered off');
  await page.getByRole('button', { name: 'Clear the Device console' }).click();
  await page.getByRole('button', { name: 'Clear the Server console' }).click();
  await setLight(page, 299);
  await page.getByRole('button', { name: 'Power on' }).click();
  await expect(led(page)).toHaveAttribute('data-state', 'on');

  const deviceConsole = page.getByTestId('device-console');
  await expect(deviceConsole).toContainText("Message received: {'led_on': True}");
  const deviceLines = await deviceConsole.locator('.text').allTextContents();
  const serverLines = await page.getByTestId('server-console').locator('.text').allTextContents();
  expect(deviceLines).toContain('MQTT connected!');
  // Python's print("Sending telemetry ", telemetry) puts two spaces before the JSON.
  expect(deviceLines).toContain('Sending telemetry  {"light": 299}');
  expect(deviceLines).toContain("Message received: {'led_on': True}");
  expect(serverLines).toContain("Message received: {'light': 299}");
  expect(serverLines).toContain("Sending message: {'led_on': True}");
  const output = (lines: string[]) => lines.filter((text) => !text.startsWith('[lab]'));
  for (const line of output(deviceLines)) {
    expect(line).toMatch(/^(MQTT connected!|Sending telemetry {2}\{"light": \d{1,4}\}|Message received: \{'led_on': (True|False)\})$/);
  }
  for (const line of output(serverLines)) {
    expect(line).toMatch(/^(Message received: \{'light': \d{1,4}\}|Sending message: \{'led_on': (True|False)\})$/);
  }
  await page.screenshot({ path: `${SCREENSHOTS}/consoles.png`, fullPage: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENSHOTS}/loop.png` });
});

test('hardware only: your code reads the sensor and switches the LED through the CounterFit address', async ({ page, lab }) => {
  await openNightlight(page, lab.url);
  await page.getByLabel('Hardware only: your code is the device').check();
  await expect(page.getByRole('heading', { name: 'Light sensor and LED for your code' })).toBeVisible();
  const address = (await page.getByTestId('counterfit-address').locator('code').textContent()) ?? '';
  expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

  await setLight(page, 123);
  const reading = await fetch(`${address}/sensor_value?port=0`);
  expect(await reading.json()).toEqual({ value: 123 });
  const drive = (value: boolean) =>
    fetch(`${address}/actuator_value?port=5`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ value }),
    });
  expect((await drive(false)).status).toBe(200);
  await expect(led(page)).toHaveAttribute('data-state', 'off');
  expect((await drive(true)).status).toBe(200);

  const calls = page.getByTestId('http-calls');
  await expect(calls).toContainText('GET /sensor_value?port=0 → 200');
  await expect(calls).toContainText('POST /actuator_value?port=5 → 200');
  await expect(led(page)).toHaveAttribute('data-state', 'on');
  await expect(page.getByTestId('led-switch-log').locator('li').first()).toContainText('your code (HTTP)');
  await page.screenshot({ path: `${SCREENSHOTS}/hardware-only.png` });
  await page.getByLabel('Virtual nightlight').check();
});
