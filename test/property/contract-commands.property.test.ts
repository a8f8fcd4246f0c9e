// Random inputs at every contract command, through the real dispatcher of a real lab (temp data folder, the real
// aedes worker, serialport's mock binding, every outgoing connection kept on loopback): never a throw, always a
// Result; a failure carries a known code and a sentence a student can read; the lab still answers afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands, type CommandName } from '../../src-shared/contract/commands';
import { ERROR_CODES, type Result } from '../../src-shared/contract/result';
import { createDispatcher, type Dispatch } from '../../src-main/ipc/dispatcher';
import { createHandlers } from '../../src-main/ipc/handlers';
import { silentLogger } from '../../src-main/lib/logger';
import { createNodeBrokerFork } from '../../src-main/services/broker/node-fork';
import { createLab, type LabServices } from '../../src-main/services/create-lab';
import { PlainSecretStore } from '../../src-main/services/profiles/secret-store';
import { FakeBoardBinding } from '../unit/board/support/fake-binding';
import { installLoopbackGuard, type LoopbackGuard } from './support/loopback-only';
import { mutatedOneField, plausible } from './support/zod-arbitrary';

const RUNS_PER_COMMAND = 20;
const RUNS_ACROSS = 300;
/** Commands whose successful run takes seconds (a broker restart, an experiment): fewer runs keep the file near 40 s. */
const SLOW_COMMANDS: ReadonlySet<string> = new Set(['broker.restart', 'playground.runExperiment']);
const RUNS_SLOW = 3;
const ANSWER_TIMEOUT_MS = 15_000;
const WORKER_SOURCE = path.resolve(import.meta.dirname, '../../src-main/services/broker/broker-worker.ts');
const names = Object.keys(commands) as CommandName[];

let guard: LoopbackGuard;
let lab: LabServices;
let dataDir: string;
let dispatch: Dispatch;
const unexpected: string[] = [];

function describeValue(value: unknown): string {
  try {
    const text = JSON.stringify(value, (_key, item: unknown) => (typeof item === 'string' && item.length > 60 ? `${item.slice(0, 60)}…(${item.length})` : item));
    return text === undefined ? safeString(value) : text;
  } catch {
    return safeString(value);
  }
}

/** String() throws for objects whose toString is not a function ({"toString": 0}); the tag is enough then. */
function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** Sends one command; resolves with its Result or rejects when it throws or never answers. */
async function send(name: unknown, input: unknown): Promise<Result<unknown>> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${describeValue(name)} did not answer within ${ANSWER_TIMEOUT_MS} ms`)), ANSWER_TIMEOUT_MS);
  });
  try {
    return await Promise.race([dispatch(name, input), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The property every answer must have, whatever came in. */
async function answersClearly(name: unknown, input: unknown): Promise<void> {
  const result = await send(name, input);
  expect(typeof result.ok).toBe('boolean');
  if (!result.ok) {
    const { code, message } = result.error;
    const context = `${describeValue(name)} ${describeValue(input)} -> ${code}: ${message.slice(0, 300)}`;
    expect(ERROR_CODES, context).toContain(code);
    expect(code, `an unexpected exception (see the log): ${context}`).not.toBe('INTERNAL');
    expect(message.trim().length, context).toBeGreaterThan(5);
    const echoed = describeValue(input) + describeValue(name);
    for (const junk of ['undefined', '[object Object]', 'NaN']) {
      if (!echoed.includes(junk)) expect(message, context).not.toContain(junk);
    }
    expect(message, context).not.toMatch(/\n\s+at |\.ts:\d+|node_modules/);
  }
  const settings = await send('settings.get', {});
  expect(settings.ok, `settings.get after ${describeValue(name)} ${describeValue(input)}`).toBe(true);
}

beforeAll(async () => {
  guard = installLoopbackGuard();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'property-contract-'));
  const serial = new FakeBoardBinding();
  serial.addBoard('/dev/ttyFAKE0', { vendorId: '2886', productId: '802d', manufacturer: 'Seeed' });
  const logger = { ...silentLogger, error: (message: string, details?: unknown) => unexpected.push(`${message}: ${String(details)}`) };
  lab = await createLab({
    dataDir,
    forkBrokerWorker: createNodeBrokerFork(WORKER_SOURCE, ['--import', 'tsx']),
    secretStore: new PlainSecretStore(),
    logger,
    brokerTcpPort: 0,
    brokerWsPort: 0,
    counterfitPort: 0,
    serialBinding: serial,
    brokerLanHost: '127.0.0.1',
  });
  dispatch = createDispatcher(createHandlers(lab, { version: 'test', shell: 'browser' }), logger);
  await lab.start();
});

afterAll(async () => {
  await lab?.dispose();
  guard?.restore();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('every contract command survives random input', () => {
  it.each(names)('%s: random values, and plausible inputs with one field made hostile', async (name) => {
    const schema = commands[name].input;
    const input = fc.oneof(fc.anything(), plausible(schema), mutatedOneField(schema));
    await fc.assert(fc.asyncProperty(input, (value) => answersClearly(name, value)), { numRuns: SLOW_COMMANDS.has(name) ? RUNS_SLOW : RUNS_PER_COMMAND });
  });

  it('any command name (real or not) with any input, in a random order', async () => {
    const name = fc.oneof(fc.constantFrom(...names), fc.anything());
    const pair = name.chain((picked) =>
      fc.tuple(fc.constant(picked), typeof picked === 'string' && Object.hasOwn(commands, picked) ? mutatedOneField(commands[picked as CommandName].input) : fc.anything()),
    );
    await fc.assert(fc.asyncProperty(pair, ([picked, value]) => answersClearly(picked, value)), { numRuns: RUNS_ACROSS });
  });

  it('connecting to a public or typed-in broker gives a clear answer, and the connection never leaves this machine', async () => {
    const typed = { id: 'far-away', name: 'Far away', kind: 'custom', host: 'broker.example.org', port: 1883, transport: 'mqtt', clientId: 'fuzz' };
    expect(await send('profiles.save', typed)).toMatchObject({ ok: true });
    const before = guard.redirected.length;
    await answersClearly('connection.useProfile', { profileId: 'mosquitto-1883' });
    await answersClearly('mqtt.connect', { clientName: 'far', profileId: 'far-away' });
    expect(guard.redirected.slice(before)).toEqual(expect.arrayContaining(['test.mosquitto.org', 'broker.example.org']));
    expect(await send('connection.useProfile', { profileId: 'builtin' })).toMatchObject({ ok: true });
  });

  it('afterwards the lab still works: its broker runs, a client connects, publishes and receives', async () => {
    expect(unexpected, 'errors the lab logged as unexpected').toEqual([]);
    const until = Date.now() + 10_000;
    while (lab.broker.getStatus().state !== 'running' && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(lab.broker.getStatus().state).toBe('running');
    expect(await send('mqtt.connect', { clientName: 'after-fuzz', profileId: 'builtin' })).toMatchObject({ ok: true });
    expect(await send('mqtt.subscribe', { clientName: 'after-fuzz', filter: 'after/#' })).toMatchObject({ ok: true });
    const received = new Promise((resolve) => {
      const off = lab.bus.subscribe((eventName, payload) => {
        const batch = payload as { clientName?: string; messages?: Array<{ topic: string }> };
        if (eventName === 'mqtt.messagesReceived' && batch.clientName === 'after-fuzz' && batch.messages?.some((message) => message.topic === 'after/x')) {
          off.dispose();
          resolve(true);
        }
      });
    });
    expect(await send('mqtt.publish', { clientName: 'after-fuzz', topic: 'after/x', payload: 'still here' })).toMatchObject({ ok: true });
    await expect(received).resolves.toBe(true);
    console.info(`contract fuzz: ${guard.redirected.length} outgoing connections to non-loopback hosts were kept on loopback`);
  });
});
