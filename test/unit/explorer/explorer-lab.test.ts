// The Explorer inside the whole lab (real built-in broker worker, lesson, nightlight) on a data folder, through the
// dispatcher like the UI: a new student ID (settings.studentId) reaches the explorer, its saved filters survive a restart of the
// lab, and mqtt.messagesReceived carries only the clients the UI opened, not the lab's own (nightlight server).
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { NIGHTLIGHT_SERVER_CLIENT_NAME } from '../../../src-shared/contract/nightlight';
import { newDataDir, startLessonLab, waitForAsync, type LessonLab } from '../lesson/lesson-harness';

const STUDENT_ID = 'lab-asha01';
const labs: LessonLab[] = [];
const dirs: string[] = [];

async function start(dataDir: string): Promise<LessonLab> {
  const lab = await startLessonLab(dataDir, STUDENT_ID);
  labs.push(lab);
  return lab;
}

async function activeFilters(lab: LessonLab): Promise<string[]> {
  const { status } = await lab.call('explorer.getState', {});
  return status.subscriptions.filter((sub) => sub.state === 'active').map((sub) => sub.filter);
}

afterEach(async () => {
  for (const lab of labs.splice(0)) await lab.lab.dispose();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the explorer in the lab', () => {
  it('follows a new student ID and keeps its filters and history limit over a restart', { timeout: 60_000 }, async () => {
    const dataDir = newDataDir();
    dirs.push(dataDir);
    const first = await start(dataDir);
    await waitForAsync(async () => ((await activeFilters(first)).includes('#') ? true : undefined));
    await first.call('explorer.addSubscription', { filter: `${STUDENT_ID}/#`, qos: 1 });
    await first.call('explorer.setHistoryLimits', { perTopic: 25 });

    // What the Lesson's profile bar does in the end (lesson.createProfile / selectProfile): the lab's ID changes.
    // (Called directly: the lesson's once-a-second follow can race a profile made at the same moment.)
    await first.call('settings.update', { studentId: 'lab-ravi02' });
    await waitForAsync(async () => ((await activeFilters(first)).includes('lab-ravi02/#') ? true : undefined));
    const { status } = await first.call('explorer.getState', {});
    expect(status.studentId).toBe('lab-ravi02');
    expect(status.subscriptions.map((sub) => [sub.filter, sub.qos])).toEqual([
      ['#', 0],
      ['lab-ravi02/#', 1],
    ]);
    await first.lab.dispose();
    labs.splice(labs.indexOf(first), 1);

    const second = await start(dataDir);
    await waitForAsync(async () => ((await activeFilters(second)).length === 2 ? true : undefined));
    const again = await second.call('explorer.getState', {});
    // startLessonLab sets the lab's ID back to lab-asha01 before the lab starts: the saved "<ID>/#" follows it.
    expect(again.status.subscriptions.map((sub) => [sub.filter, sub.qos])).toEqual([
      ['#', 0],
      [`${again.status.studentId}/#`, 1],
    ]);
    expect(again.stats.perTopicHistoryLimit).toBe(25);
  });

  it('sends the UI the messages of clients it opened, not those of the nightlight server', { timeout: 60_000 }, async () => {
    const dataDir = newDataDir();
    dirs.push(dataDir);
    const { lab, call } = await start(dataDir);
    const batches: string[] = [];
    lab.bus.subscribe((name, payload) => name === 'mqtt.messagesReceived' && batches.push((payload as { clientName: string }).clientName));
    await call('nightlight.updateDevice', { telemetryIntervalMs: 200 });
    await call('nightlight.startServer', {});
    await call('mqtt.connect', { clientName: 'ui-client', profileId: 'builtin' });
    await waitForAsync(async () => ((await call('mqtt.listClients', {})).some((client) => client.clientName === 'ui-client' && client.state === 'connected') ? true : undefined));
    await call('mqtt.subscribe', { clientName: 'ui-client', filter: '+/telemetry' });
    // The server hears the telemetry too (its readings reach the plot), but through its own events.
    await waitForAsync(async () => ((await call('nightlight.getState', {})).history.length >= 3 ? true : undefined), 15_000);
    await waitForAsync(async () => (batches.filter((name) => name === 'ui-client').length >= 2 ? true : undefined));
    expect(batches.filter((name) => name === NIGHTLIGHT_SERVER_CLIENT_NAME)).toEqual([]);
    expect(new Set(batches)).toEqual(new Set(['ui-client']));
  });
});
