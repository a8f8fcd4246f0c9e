// The Explorer across restarts and student changes, against a real broker (in-process aedes, ephemeral port) and a
// real data folder: each broker profile's filters and the per-topic history limit come back in a new ExplorerService;
// a bad saved file is ignored with a log line; a new student ID moves "<old ID>/#" to "<new ID>/#".
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../../src-main/lib/logger';
import { ExplorerSavedFile } from '../../../src-main/services/explorer/explorer-saved';
import { ExplorerService } from '../../../src-main/services/explorer/explorer-service';
import { MqttClientService } from '../../../src-main/services/mqtt/mqtt-client-service';
import { resolveConnection } from '../../../src-main/services/mqtt/resolve-connection';
import { startTestBroker, type TestBroker } from '../../support/test-broker';
import { profileFor, STOPPED_BROKER, waitFor } from '../mqtt/service-harness';

const KINDS = { local: 'builtin', shared: 'public' } as const;

let broker: TestBroker;
let dataDir: string;
let publisher: MqttClient;
const open: Array<{ explorer: ExplorerService; clients: MqttClientService }> = [];

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, debug() {}, info() {}, error() {}, warn: (message) => warnings.push(message) };
}

/** One run of the explorer on the data folder: the student and the active broker profile as the settings say. */
function startExplorer(settings: { studentId: string; activeProfileId: keyof typeof KINDS }, logger: Logger = recordingLogger()) {
  const clients = new MqttClientService({
    connect: mqtt.connect,
    logger,
    resolve: async (profileId) => resolveConnection(profileFor({ id: profileId, port: broker.port, clientId: `persist-${profileId}-${open.length}` }), undefined, STOPPED_BROKER),
  });
  const explorer = new ExplorerService({
    clients,
    getProfile: async (id) => (id in KINDS ? { id, kind: KINDS[id as keyof typeof KINDS] } : undefined),
    getSettings: async () => ({ ...settings }),
    saved: new ExplorerSavedFile(path.join(dataDir, 'explorer', 'saved.json'), logger),
    logger,
  });
  open.push({ explorer, clients });
  return explorer;
}

async function stop(explorer: ExplorerService): Promise<void> {
  const index = open.findIndex((item) => item.explorer === explorer);
  const [item] = open.splice(index, 1);
  await item!.explorer.dispose();
  await item!.clients.dispose();
}

const filtersOf = (explorer: ExplorerService) => explorer.getState().status.subscriptions.map((sub) => `${sub.filter} q${sub.qos} ${sub.state}`);
const activeOf = (explorer: ExplorerService) => explorer.getState().status.subscriptions.filter((sub) => sub.state === 'active').map((sub) => sub.filter);

beforeEach(async () => {
  broker = await startTestBroker({ port: 0 });
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'explorer-persist-'));
  publisher = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.port}`, { clientId: 'persist-publisher' });
});

afterEach(async () => {
  for (const item of [...open]) await stop(item.explorer);
  await publisher.endAsync(true);
  await broker.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('what the explorer remembers across restarts', () => {
  it('brings back each broker profile’s own filters and the per-topic history limit', async () => {
    const first = startExplorer({ studentId: 'lab-asha01', activeProfileId: 'local' });
    await first.start();
    await waitFor(() => activeOf(first).includes('#'), "the built-in broker's '#'");
    await first.removeSubscription('#');
    await first.addSubscription('home/+/temperature', 1);
    await first.addSubscription('lab-asha01/#', 0);
    await first.setHistoryLimits({ perTopic: 7 });
    await first.followProfile('shared');
    await waitFor(() => activeOf(first).includes('lab-asha01/#'), "the public broker's <ID>/#");
    await first.addSubscription('class/notes', 2);
    await stop(first);

    const second = startExplorer({ studentId: 'lab-asha01', activeProfileId: 'local' });
    await second.start();
    await waitFor(() => activeOf(second).length === 2, 'both saved filters subscribed again');
    expect(filtersOf(second)).toEqual(['home/+/temperature q1 active', 'lab-asha01/# q0 active']);
    expect(second.getState().stats.perTopicHistoryLimit).toBe(7);
    // The limit works, not just shows: 9 messages on one topic keep the newest 7.
    for (let index = 1; index <= 9; index++) await publisher.publishAsync('lab-asha01/telemetry', String(index));
    await waitFor(() => second.getState().stats.messageCount === 9, 'nine messages');
    expect(second.getTopic({ topic: 'lab-asha01/telemetry', maxBytesPerMessage: 10 }).messages.map((message) => message.payload)).toEqual(
      ['3', '4', '5', '6', '7', '8', '9'],
    );
    // The public broker's list is its own: <ID>/# (the default there) and what was added there.
    await second.followProfile('shared');
    await waitFor(() => activeOf(second).length === 2, "the public broker's two filters");
    expect(filtersOf(second)).toEqual(['lab-asha01/# q0 active', 'class/notes q2 active']);
  });

  it('ignores a saved file that is not JSON, or parts that are wrong, with a log line and no crash', async () => {
    const file = path.join(dataDir, 'explorer', 'saved.json');
    const logger = recordingLogger();
    await new ExplorerSavedFile(file, logger).save({ studentId: 'lab-asha01', subscriptions: {}, historyLimits: {} });
    writeFileSync(file, '{"subscriptions": {"local": [ {"filter": "a/#/b", "qos": 0}, ');
    const broken = startExplorer({ studentId: 'lab-asha01', activeProfileId: 'local' }, logger);
    await broken.start();
    await waitFor(() => activeOf(broken).includes('#'), "the default '#'");
    expect(filtersOf(broken)).toEqual(['# q0 active']);
    expect(logger.warnings.join('\n')).toMatch(/were not valid JSON; kept aside/);
    expect(readdirSync(path.dirname(file)).some((name) => name.startsWith('saved.json.corrupt-'))).toBe(true);
    await stop(broken);

    const partly = {
      studentId: 'not an id!',
      subscriptions: { local: [{ filter: 'a/#/b', qos: 0 }, { filter: 'kept/+', qos: 1 }, { filter: 'x', qos: 5 }], shared: [{ filter: '#', qos: 0 }] },
      historyLimits: { perTopic: -3, totalMB: 16 },
    };
    writeFileSync(file, JSON.stringify(partly));
    const logged = recordingLogger();
    const explorer = startExplorer({ studentId: 'lab-asha01', activeProfileId: 'local' }, logged);
    await explorer.start();
    await waitFor(() => activeOf(explorer).includes('kept/+'), 'the one good saved filter');
    expect(filtersOf(explorer)).toEqual(['kept/+ q1 active']);
    expect(explorer.getState().stats).toMatchObject({ perTopicHistoryLimit: 100, historyBytesCap: 16 * 1024 * 1024 });
    const warnings = logged.warnings.join('\n');
    expect(warnings).toContain('a filter that is not valid');
    expect(warnings).toContain('historyLimits.perTopic is not allowed: -3');
    // A saved '#' is still refused on the public broker: left out, with a line saying so.
    await explorer.followProfile('shared');
    await waitFor(() => activeOf(explorer).length === 0 && explorer.getState().status.profileId === 'shared', 'the public broker');
    expect(filtersOf(explorer)).toEqual([]);
    expect(logged.warnings.join('\n')).toContain('left out saved filters not allowed on this broker: #');
  });
});

describe('a new student ID', () => {
  it("moves the public broker's <ID>/# to the new ID, says so, and remembers it", async () => {
    const settings = { studentId: 'lab-asha01', activeProfileId: 'shared' as const };
    const explorer = startExplorer(settings);
    await explorer.start();
    await waitFor(() => activeOf(explorer).includes('lab-asha01/#'), 'lab-asha01/#');
    expect(explorer.getState().status).toMatchObject({ studentId: 'lab-asha01', defaultFilter: 'lab-asha01/#' });

    settings.studentId = 'lab-ravi02';
    await explorer.followStudentId('lab-ravi02');
    await waitFor(() => activeOf(explorer).includes('lab-ravi02/#'), 'lab-ravi02/#');
    expect(explorer.getState().status).toMatchObject({ studentId: 'lab-ravi02', defaultFilter: 'lab-ravi02/#' });
    expect(filtersOf(explorer)).toEqual(['lab-ravi02/# q0 active']);
    expect(explorer.getState().status.notice).toBe('Your student ID is now lab-ravi02, so the explorer listens to "lab-ravi02/#" instead of "lab-asha01/#".');
    // The old student's topics no longer arrive; the new student's do.
    await publisher.publishAsync('lab-asha01/telemetry', 'old');
    await publisher.publishAsync('lab-ravi02/telemetry', 'new');
    await waitFor(() => explorer.getState().stats.messageCount === 1, 'the new student’s message');
    expect(explorer.search({ filter: '#', includeNonMatching: false, limit: 10 }).results.map((result) => result.node.topic)).toEqual(['lab-ravi02/telemetry']);
    await stop(explorer);

    const again = startExplorer(settings);
    await again.start();
    await waitFor(() => activeOf(again).includes('lab-ravi02/#'), 'lab-ravi02/# after a restart');
    expect(filtersOf(again)).toEqual(['lab-ravi02/# q0 active']);
  });
});
