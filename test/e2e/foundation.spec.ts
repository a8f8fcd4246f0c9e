// The lab in Chromium against the real headless host: connected to the built-in broker on load, a message
// published from the UI reaches mosquitto_sub, and a broker that is not there gives a sentence a student understands.
import { spawn } from 'node:child_process';
import net from 'node:net';
import { expect, test } from './fixtures';
import { connectToNobodyHome } from './lab-steps';

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

test('opens connected to the built-in broker and shows its port', async ({ page, lab }) => {
  await page.goto(lab.url);
  const status = page.getByRole('status', { name: 'Lab connection' });
  await expect(status).toContainText('Connected');
  await expect(status).toContainText(`mqtt://127.0.0.1:${lab.brokerPort}`);
  await expect(page.getByText(`MQTT ${lab.brokerPort}`)).toBeVisible();
  for (const part of ['Explorer', 'Playground', 'Nightlight', 'Board', 'Lesson']) {
    await expect(page.getByRole('link', { name: part })).toBeVisible();
  }
  await page.getByRole('button', { name: 'Connection' }).click();
  const dialog = page.getByRole('dialog', { name: 'Connection' });
  await expect(dialog.getByText(`mqtt://127.0.0.1:${lab.brokerPort}`).first()).toBeVisible();
});

test('a message published from the page reaches mosquitto_sub', async ({ page, lab }) => {
  // -d prints the SUBACK (line-buffered by stdbuf), so the test publishes once mosquitto_sub is really subscribed.
  const args = ['-h', '127.0.0.1', '-p', String(lab.brokerPort), '-t', 'e2e/greeting', '-C', '1', '-W', '20', '-v', '-d'];
  const subscriber = spawn('stdbuf', ['-oL', 'mosquitto_sub', ...args]);
  let received = '';
  subscriber.stdout.on('data', (chunk: Buffer) => (received += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => subscriber.once('exit', resolve));
  try {
    await page.goto(lab.url);
    await expect(page.getByRole('status', { name: 'Lab connection' })).toContainText('Connected');
    await expect.poll(() => received).toContain('SUBACK');
    const publish = page.getByRole('region', { name: 'Quick publish' });
    await publish.getByLabel('Topic', { exact: true }).fill('e2e/greeting');
    await publish.getByLabel('Payload').fill('hello from the lab');
    await publish.getByRole('button', { name: 'Publish' }).click();
    await expect(publish.getByText(/Published 18 bytes/)).toBeVisible();
    expect(await exited).toBe(0);
    expect(received).toContain('e2e/greeting hello from the lab');
  } finally {
    subscriber.kill();
  }
});

test('a broker that is not there gives a readable error', async ({ page, lab }) => {
  const port = await closedPort();
  await page.goto(lab.url);
  await connectToNobodyHome(page, port);
  const status = page.getByRole('status', { name: 'Lab connection' });
  await expect(status).toContainText(`No broker is answering at 127.0.0.1:${port}`);
  await expect(status).toContainText(/try the built-in broker/i);
});
