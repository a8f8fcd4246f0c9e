// The lesson's checks against the real lab: the built-in broker, the virtual nightlight and the lab's server, a
// student's server on the wrong topic, and progress that is saved, survives a restart, resets and exports.
import { rmSync } from 'node:fs';
import mqtt, { type MqttClient } from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { startLessonLab, newDataDir, stepOf, waitForAsync, waitForStep, type LessonLab } from './lesson-harness';

const STUDENT_ID = 'lab-lsn01';

describe('lesson checks on the lab', () => {
  const labs: LessonLab[] = [];
  const raws: MqttClient[] = [];
  const dirs: string[] = [];

  async function start(dataDir = newDataDir()): Promise<LessonLab> {
    if (!dirs.includes(dataDir)) dirs.push(dataDir);
    const lab = await startLessonLab(dataDir, STUDENT_ID);
    labs.push(lab);
    await lab.call('nightlight.resetDevice', {});
    await lab.call('nightlight.resetServer', {});
    return lab;
  }

  afterEach(async () => {
    for (const raw of raws.splice(0)) await raw.endAsync(true);
    for (const lab of labs.splice(0)) await lab.lab.dispose();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('E1 to E6 turn green with the virtual nightlight and the lab server, and lesson.progressChanged says so', async () => {
    const { call, progressEvents } = await start();
    await call('nightlight.updateDevice', { telemetryIntervalMs: 200 });
    expect((await waitForStep(call, 'E1')).check.code).toMatch(/^e1-/);
    expect((await waitForStep(call, 'E2')).check.saw).toContain(`${STUDENT_ID}/telemetry`);
    expect(stepOf(await call('lesson.getState', {}), 'E3').state).not.toBe('passed');

    await call('nightlight.startServer', {});
    const e3 = await waitForStep(call, 'E3');
    expect(e3.check.code).toBe('e3-subscribed');
    expect(e3.check.params.filter).toBe(`${STUDENT_ID}/telemetry`);

    await call('nightlight.setLight', { light: 0 });
    await waitForAsync(async () => (stepOf(await call('lesson.getState', {}), 'E6').check.params.done === 1 ? true : undefined));
    await call('nightlight.setLight', { light: 1023 });
    await waitForAsync(async () => (stepOf(await call('lesson.getState', {}), 'E6').check.params.done === 2 ? true : undefined));
    await call('nightlight.setLight', { light: 0 });
    for (const id of ['E4', 'E5', 'E6'] as const) await waitForStep(call, id);
    expect(stepOf(await call('lesson.getState', {}), 'E5').check.code).toBe('e5-passed');

    await waitForAsync(async () => (progressEvents.some((state) => stepOf(state, 'E6').state === 'passed') ? true : undefined));
  });

  it('a server that answers on <ID>/command gets the helpful failure naming both topics', async () => {
    const { call, lab } = await start();
    await call('nightlight.updateDevice', { telemetryIntervalMs: 200 });
    const port = lab.broker.getStatus().tcpPort!;
    const server = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, { clientId: `${STUDENT_ID}nightlight_server`, reconnectPeriod: 0 });
    raws.push(server);
    server.on('message', (_topic, payload) => {
      const { light } = JSON.parse(payload.toString()) as { light: number };
      void server.publishAsync(`${STUDENT_ID}/command`, JSON.stringify({ led_on: light < 300 }));
    });
    await server.subscribeAsync(`${STUDENT_ID}/telemetry`);
    const e4 = await waitForStep(call, 'E4', 'in-progress');
    expect(e4.check.code).toBe('e4-wrong-topic');
    expect(e4.check.saw).toBe(`I see telemetry on \`${STUDENT_ID}/telemetry\` but your server answers on \`${STUDENT_ID}/command\`.`);
    expect(e4.check.expected).toBe(`The lesson uses \`${STUDENT_ID}/commands\`.`);
    expect(stepOf(await call('lesson.getState', {}), 'E3').state).toBe('passed');
  });

  it('a server with the rule the wrong way round is told which light needed which command', async () => {
    const { call, lab } = await start();
    await call('nightlight.updateDevice', { telemetryIntervalMs: 200 });
    await call('nightlight.setLight', { light: 100 });
    const port = lab.broker.getStatus().tcpPort!;
    const server = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, { reconnectPeriod: 0 });
    raws.push(server);
    server.on('message', (_topic, payload) => {
      const { light } = JSON.parse(payload.toString()) as { light: number };
      void server.publishAsync(`${STUDENT_ID}/commands`, JSON.stringify({ led_on: light > 300 }));
    });
    await server.subscribeAsync(`${STUDENT_ID}/telemetry`);
    const e4 = await waitForStep(call, 'E4', 'in-progress');
    expect(e4.check.code).toBe('e4-wrong-answer');
    expect(e4.check.expected).toBe('The rule is led_on = light < 300, so 100 needs led_on true.');
  });

  it('sees a new telemetry rate, and readings stored while the network was cut arriving afterwards', { timeout: 40_000 }, async () => {
    const { call } = await start();
    await call('nightlight.updateDevice', { telemetryIntervalMs: 200, storeAndForward: true });
    const seen = await waitForStep(call, 'telemetry-frequency', 'in-progress');
    expect(seen.check).toMatchObject({ code: 'frequency-seen', params: { seconds: 0.2 } });
    await call('nightlight.updateDevice', { telemetryIntervalMs: 600 });
    await waitForStep(call, 'telemetry-frequency');

    await call('nightlight.updateDevice', { telemetryIntervalMs: 200 });
    await waitForStep(call, 'E2');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await call('nightlight.setNetwork', { up: false });
    await new Promise((resolve) => setTimeout(resolve, 4000));
    await call('nightlight.setNetwork', { up: true });
    await waitForAsync(async () => {
      const step = stepOf(await call('lesson.getState', {}), 'connectivity-loss');
      return step.activities.find((activity) => activity.id === 'store-and-forward-replayed')?.done || undefined;
    });
    expect(stepOf(await call('lesson.getState', {}), 'connectivity-loss').state).toBe('in-progress');
    const { state } = await call('lesson.answerQuestion', { questionId: 'check-connectivity', optionId: 'latest-only' });
    expect(stepOf(state, 'connectivity-loss').state).toBe('passed');
  });

  it('without store and forward, says the readings from the time offline were dropped', { timeout: 40_000 }, async () => {
    const { call } = await start();
    await call('nightlight.updateDevice', { telemetryIntervalMs: 200, storeAndForward: false });
    await waitForStep(call, 'telemetry-frequency', 'in-progress');
    await call('nightlight.setNetwork', { up: false });
    await new Promise((resolve) => setTimeout(resolve, 4000));
    await call('nightlight.setNetwork', { up: true });
    const step = await waitForAsync(async () => {
      const current = stepOf(await call('lesson.getState', {}), 'connectivity-loss');
      return current.check.code === 'connectivity-dropped' ? current : undefined;
    });
    expect(step.check.saw).toMatch(/^Your device was away for \d+ s and came back, but the readings from that time never arrived/);
    expect(step.activities.every((activity) => !activity.done)).toBe(true);
  });

  it('a finished playground experiment passes its concept step', async () => {
    const { call } = await start();
    await call('nightlight.setPower', { on: false });
    const result = await call('playground.runExperiment', { experimentId: 'retained' });
    expect(result.outcome).not.toBe('failed');
    const step = await waitForStep(call, 'retained');
    expect(step.activities).toEqual([{ kind: 'playground-experiment', id: 'retained', done: true }]);
  });

  it('progress, answers, notes and concept steps survive a restart on the same data folder', async () => {
    const first = await start();
    await first.call('nightlight.updateDevice', { telemetryIntervalMs: 200 });
    const e2 = await waitForStep(first.call, 'E2');
    const { answer } = await first.call('lesson.answerQuestion', { questionId: 'check-security', optionId: 'anyone' });
    expect(answer).toMatchObject({ correct: true, correctOptionId: 'anyone', attempts: 1 });
    await first.call('lesson.saveNotes', { reflections: { 'many-devices': 'It keeps a list of subscriptions.' }, assignment: 'MQTT is light.' });
    for (const id of ['everything-mine', 'all-telemetry', 'every-temperature'] as const) {
      await first.call('lesson.recordActivity', { kind: 'explorer-exercise', id });
    }
    expect(stepOf(await first.call('lesson.getState', {}), 'broker-topics-wildcards').state).toBe('passed');
    expect(stepOf(await first.call('lesson.getState', {}), 'security').state).toBe('passed');
    await first.call('nightlight.setPower', { on: false });
    await first.lab.dispose();
    labs.splice(labs.indexOf(first), 1);

    const second = await start(first.dataDir);
    const state = await second.call('lesson.getState', {});
    expect(stepOf(state, 'E2').passedAtMs).toBe(e2.passedAtMs);
    expect(stepOf(state, 'broker-topics-wildcards').state).toBe('passed');
    expect(stepOf(state, 'security').state).toBe('passed');
    expect(state.answers).toEqual([expect.objectContaining({ questionId: 'check-security', optionId: 'anyone', correct: true })]);
    expect(state.reflections['many-devices']).toBe('It keeps a list of subscriptions.');
    expect(state.assignment).toBe('MQTT is light.');
  });

  it('a new profile keeps its own ID when the once-a-second follow of the lab settings runs at the same moment', async () => {
    const { call, lab } = await start();
    // Slow settings reads keep the lesson's once-a-second follow in flight while the profile is created.
    const readSettings = lab.settings.get.bind(lab.settings);
    lab.settings.get = async () => {
      const settings = await readSettings();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return settings;
    };
    await new Promise((resolve) => setTimeout(resolve, 1200));
    try {
      const created = await call('lesson.createProfile', { name: 'Ravi', studentId: 'ravi-02' });
      expect(created.studentId).toBe('ravi-02');
      await new Promise((resolve) => setTimeout(resolve, 3500));
      expect((await call('lesson.getState', {})).studentId).toBe('ravi-02');
      expect((await readSettings()).studentId).toBe('ravi-02');
    } finally {
      lab.settings.get = readSettings;
    }
  }, 60_000);

  it('profiles: create, select, rename; each has its own ID and progress, and reset forgets only that profile\'s', async () => {
    const { call, lab } = await start();
    await call('nightlight.setPower', { on: false });
    const first = await call('lesson.getState', {});
    await call('lesson.answerQuestion', { questionId: 'pre-always-online', optionId: 'yes' });

    const created = await call('lesson.createProfile', { name: 'Asha', studentId: 'asha-42' });
    expect(created.profiles).toHaveLength(2);
    expect(created.studentId).toBe('asha-42');
    expect((await lab.settings.get()).studentId).toBe('asha-42');
    expect((await call('nightlight.getState', {})).device.settings.telemetryTopic).toBe('asha-42/telemetry');
    expect(created.answers).toEqual([]);
    await call('lesson.answerQuestion', { questionId: 'pre-always-http', optionId: 'no' });

    const renamed = await call('lesson.renameProfile', { profileId: created.activeProfileId, name: 'Asha R.' });
    expect(renamed.profiles.find((profile) => profile.id === created.activeProfileId)?.name).toBe('Asha R.');

    const back = await call('lesson.selectProfile', { profileId: first.activeProfileId });
    expect(back.studentId).toBe(STUDENT_ID);
    expect((await lab.settings.get()).studentId).toBe(STUDENT_ID);
    expect(back.answers.map((answer) => answer.questionId)).toEqual(['pre-always-online']);

    const reset = await call('lesson.resetProgress', {});
    expect(reset.answers).toEqual([]);
    const asha = await call('lesson.selectProfile', { profileId: created.activeProfileId });
    expect(asha.answers.map((answer) => answer.questionId)).toEqual(['pre-always-http']);
  });

  it('reset puts passed steps back to the start', async () => {
    const { call } = await start();
    await call('nightlight.updateDevice', { telemetryIntervalMs: 200 });
    await waitForStep(call, 'E2');
    await call('nightlight.setPower', { on: false });
    await call('lesson.recordActivity', { kind: 'playground-experiment', id: 'retained' });
    const reset = await call('lesson.resetProgress', {});
    expect(reset.steps.filter((step) => step.state === 'passed')).toEqual([]);
    expect(stepOf(reset, 'E2').check.code).toBe('e2-waiting');
    expect(reset.profiles[0]?.passedCount).toBe(0);
  });

  it('exports the progress as JSON and as a printable page with the student\'s words escaped', async () => {
    const { call } = await start();
    await call('nightlight.setPower', { on: false });
    await call('lesson.createProfile', { name: '<Asha & Ravi>', studentId: 'asha-ravi' });
    await call('lesson.answerQuestion', { questionId: 'post-message-queues', optionId: 'no' });
    await call('lesson.saveNotes', { assignment: 'HTTP <b>is</b> heavier.' });

    const json = await call('lesson.exportProgress', { format: 'json' });
    expect(json.fileName).toBe('lesson-progress-asha-ravi-asha-ravi.json');
    const data = JSON.parse(json.text) as { student: { name: string }; steps: unknown[]; questions: Array<{ id: string; correct: boolean | null }>; assignment: { text: string } };
    expect(data.student.name).toBe('<Asha & Ravi>');
    expect(data.steps).toHaveLength(15);
    expect(data.questions.find((question) => question.id === 'post-message-queues')?.correct).toBe(true);
    expect(data.assignment.text).toBe('HTTP <b>is</b> heavier.');

    const html = await call('lesson.exportProgress', { format: 'html' });
    expect(html.mimeType).toBe('text/html');
    expect(html.text).toContain('&lt;Asha &amp; Ravi&gt;');
    expect(html.text).toContain('HTTP &lt;b&gt;is&lt;/b&gt; heavier.');
    expect(html.text).not.toContain('<b>is</b>');
  });
});
