// A teacher runs a class on the LAN broker, in Chromium against the real headless lab: LAN mode on (bound to 127.0.0.1
// here through MQTT_LAB_LAN_HOST, on a free port written into the lab's board.json, never 1883 or the real network),
// a student added, a real mqtt.js board connecting with that student's login, seen in the list, kicked and blocked.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import mqtt from 'mqtt';
import { serveLab, type RunningLab } from '../support/serve-lab';

let lab: RunningLab | undefined;
let dataDir = '';
const boards: mqtt.MqttClient[] = [];

/** A port that was free a moment ago on 127.0.0.1; if it is taken by the time the lab opens, the lab moves on. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves with 0 when the broker accepts the login, else the CONNACK return code. */
function connect(port: number, options: mqtt.IClientOptions): Promise<{ client: mqtt.MqttClient; code: number }> {
  return new Promise((resolve, reject) => {
    const client = mqtt.connect(`mqtt://127.0.0.1:${port}`, { reconnectPeriod: 0, connectTimeout: 10_000, ...options });
    boards.push(client);
    client.once('connect', () => resolve({ client, code: 0 }));
    client.once('error', (error) => {
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'number') resolve({ client, code });
      else reject(error);
    });
  });
}

test.beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'mqtt-lab-class-'));
  const lanPort = await freePort();
  writeFileSync(path.join(dataDir, 'board.json'), JSON.stringify({ rememberedPaths: [], lan: { username: 'mqttlab-board', password: 'e2eSharedPass234', port: lanPort } }));
  const before = process.env.MQTT_LAB_LAN_HOST;
  process.env.MQTT_LAB_LAN_HOST = '127.0.0.1';
  try {
    lab = await serveLab({ dataDir });
  } finally {
    if (before === undefined) delete process.env.MQTT_LAB_LAN_HOST;
    else process.env.MQTT_LAB_LAN_HOST = before;
  }
});

test.afterAll(async () => {
  await Promise.all(boards.splice(0).map((client) => client.endAsync(true)));
  await lab?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('a teacher adds a student, sees their board connected, and kicks it', async ({ page }) => {
  await page.goto(`${lab!.url}#/board`);
  await page.getByRole('switch', { name: 'Open the built-in broker to my network' }).check();
  await expect(page.getByTestId('lan-state')).toContainText('On: boards on your network can connect.');
  await expect(page.getByTestId('lan-no-clients')).toBeVisible();

  await page.getByLabel('Student ID').fill('alpha-01');
  await page.getByRole('button', { name: 'Add student' }).click();
  const login = page.getByRole('region', { name: 'Login for alpha-01' });
  await expect(login).toBeVisible();
  const password = (await login.getByTestId('lan-student-password').textContent())!.trim();
  expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
  const configH = (await login.getByTestId('lan-student-config-h').textContent())!;
  expect(configH).toContain('const char *MQTT_USERNAME = "alpha-01";');
  const port = Number(/const int BROKER_PORT = (\d+);/.exec(configH)![1]);
  await expect(page.getByTestId('lan-students')).toContainText('alpha-01');

  // Once dismissed, the password is nowhere on the page any more.
  await page.getByRole('button', { name: 'I have copied it' }).click();
  await expect(login).toBeHidden();
  await expect(page.locator('body')).not.toContainText(password);

  // Another board's client id (here the lab's own kind) is refused: a student's login takes only their own.
  expect((await connect(port, { username: 'alpha-01', password, clientId: 'lab-explorer' })).code).toBe(2);
  const { client: board, code } = await connect(port, { username: 'alpha-01', password, clientId: 'alpha-01nightlight_client' });
  expect(code).toBe(0);
  await board.publishAsync('alpha-01/telemetry', '{"light":512}', { qos: 1 });
  const row = page.getByTestId('lan-clients').getByRole('row', { name: /alpha-01nightlight_client/ });
  await expect(row).toContainText('alpha-01');
  await expect(row).toContainText(/127\.0\.0\.1:\d+/);
  await expect(row.getByRole('cell').nth(4)).toHaveText('1');

  const closed = new Promise<void>((resolve) => board.once('close', () => resolve()));
  await row.getByRole('button', { name: 'Disconnect alpha-01nightlight_client' }).click();
  await closed;
  await expect(page.getByTestId('lan-no-clients')).toBeVisible();
  await expect(page.getByTestId('lan-students')).toContainText('blocked until a new password');
  expect((await connect(port, { username: 'alpha-01', password })).code).toBe(5);
});
