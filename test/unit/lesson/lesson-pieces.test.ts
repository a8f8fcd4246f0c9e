// The lesson's pure pieces: text complete for every code, step and question; vue-i18n-safe messages; pairing commands
// with readings; the telemetry rhythm; and checks for paths the lab test does not take (external broker, bad payloads).
import { createI18n } from 'vue-i18n';
import { describe, expect, it } from 'vitest';
import { CONCEPT_STEP_IDS, EXERCISE_STEP_IDS, LESSON_CHECK_CODES, QUIZ_QUESTIONS, REFLECTION_IDS } from '../../../src-shared/contract/lesson';
import { lessonTextEn, toVueI18nMessages } from '../../../src-shared/contract/lesson-text-en';
import { CommandMatcher } from '../../../src-main/services/lesson/command-matcher';
import { ExerciseChecker, type ExerciseCheckerOptions } from '../../../src-main/services/lesson/exercise-checker';
import { TelemetryRhythm, type RhythmEvent } from '../../../src-main/services/lesson/telemetry-rhythm';

describe('lesson text', () => {
  it('has both sentences for every check code, text for every step, question option and reflection', () => {
    expect(Object.keys(lessonTextEn.checks).sort()).toEqual([...LESSON_CHECK_CODES].sort());
    for (const id of [...EXERCISE_STEP_IDS, ...CONCEPT_STEP_IDS]) {
      expect(lessonTextEn.steps[id].title.length).toBeGreaterThan(0);
      expect(Object.keys(lessonTextEn.steps[id].hints).length).toBeGreaterThan(0);
    }
    for (const question of QUIZ_QUESTIONS) {
      const options: Record<string, string> = lessonTextEn.questions[question.id].options;
      expect(Object.keys(options).sort()).toEqual([...question.options].sort());
      expect(question.options).toContain(question.correct);
    }
    expect(Object.keys(lessonTextEn.reflections).sort()).toEqual([...REFLECTION_IDS].sort());
  });

  it('renders through vue-i18n with JSON braces shown as written and {placeholders} filled', () => {
    const i18n = createI18n({ legacy: false, locale: 'en', messages: { en: { lesson: toVueI18nMessages(lessonTextEn) } } });
    const t = i18n.global.t;
    expect(t('lesson.checks.e4-bad-payload.expected')).toBe('JSON like {"led_on": true}, with true or false (not text).');
    expect(t('lesson.checks.e4-wrong-topic.saw', { telemetryTopic: 'abc/telemetry', topic: 'abc/command' })).toBe(
      'I see telemetry on `abc/telemetry` but your server answers on `abc/command`.',
    );
  });
});

describe('CommandMatcher', () => {
  it('matches an answer with the reading it is right for even when a newer reading arrived first', () => {
    const matcher = new CommandMatcher(300);
    matcher.reading(0, 1000);
    matcher.reading(1023, 1100);
    expect(matcher.command(true, 1150)).toEqual({ light: 0, correct: true });
    expect(matcher.command(false, 1200)).toEqual({ light: 1023, correct: true });
    expect(matcher.correctCounts).toEqual({ dark: 1, bright: 1 });
  });

  it('judges 300 as bright, and a command with no recent reading as nothing', () => {
    const matcher = new CommandMatcher(300);
    matcher.reading(300, 0);
    expect(matcher.command(true, 100)).toEqual({ light: 300, correct: false });
    matcher.reading(299, 200);
    expect(matcher.command(true, 20_000)).toBeNull();
  });
});

describe('TelemetryRhythm', () => {
  function feed(rhythm: TelemetryRhythm, times: number[]): RhythmEvent[] {
    return times.flatMap((time) => rhythm.reading(time) ?? []);
  }

  it('notices when the device changes how often it sends', () => {
    const rhythm = new TelemetryRhythm();
    expect(feed(rhythm, [0, 1000, 2000, 3000, 4000])).toEqual([]);
    expect(rhythm.steadyGapMs).toBe(1000);
    expect(feed(rhythm, [4300, 4600, 4900, 5200])).toEqual([{ kind: 'rate-changed', fromMs: 1000, toMs: 300 }]);
  });

  it('tells stored readings sent in a burst after an absence from readings that were dropped', () => {
    const replay = new TelemetryRhythm();
    expect(feed(replay, [0, 500, 1000, 1500, 9000, 9005, 9010])).toEqual([{ kind: 'replayed', awayMs: 7500 }]);
    const dropped = new TelemetryRhythm();
    expect(feed(dropped, [0, 500, 1000, 1500, 9000, 9500, 10_000])).toEqual([{ kind: 'dropped', awayMs: 7500 }]);
  });

  /** Arrival times: one reading every `gapMs` from `startMs`, every fourth one `lateMs` late (a busy broker or laptop). */
  function jittered(startMs: number, gapMs: number, count: number, lateMs: number): number[] {
    return Array.from({ length: count }, (_, index) => startMs + index * gapMs + (index % 4 === 3 ? lateMs : 0));
  }

  /** What the step shows: the gap in tenths of a second. */
  const seconds = (gapMs: number | null) => (gapMs === null ? null : Math.round(gapMs / 100) / 10);

  it('does not take the uneven first readings of a device starting on a busy machine for its rhythm', () => {
    // Recorded from the lab under CPU load (the lesson test that was skipped): a device set to 200 ms whose first
    // readings arrived 624, 148, 213, 342 and 280 ms apart. Three gaps "within 25% of their median" said 0.3 s.
    const rhythm = new TelemetryRhythm();
    expect(feed(rhythm, [0, 624, 772, 985, 1327, 1607])).toEqual([]);
    expect(rhythm.steadyGapMs).toBeNull();
    expect(feed(rhythm, [1718, 1922, 2137, 2341, 2536, 2776, 2974, 3200])).toEqual([]);
    expect(seconds(rhythm.steadyGapMs)).toBe(0.2);
  });

  it('finds the rhythm and its change when every fourth reading arrives late', () => {
    // Gaps 200, 200, 290, 110, 200, ...: no three in a row agree, yet the device is as steady as a device gets.
    const rhythm = new TelemetryRhythm();
    expect(feed(rhythm, jittered(0, 200, 12, 90))).toEqual([]);
    expect(seconds(rhythm.steadyGapMs)).toBe(0.2);
    const events = feed(rhythm, jittered(2400, 600, 12, 200));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'rate-changed' });
    expect(seconds(rhythm.steadyGapMs)).toBe(0.6);
  });

  it('keeps the rhythm when a stalled machine hands over a held-up reading together with the next one', () => {
    // Every sixth reading arrives 185 ms late, 15 ms before the next: a bunch, but two readings in their own places.
    const times = Array.from({ length: 30 }, (_, index) => index * 200 + (index % 6 === 2 ? 185 : 0));
    expect(feed(new TelemetryRhythm(), times)).toEqual([]);
    const rhythm = new TelemetryRhythm();
    feed(rhythm, times.slice(0, 15));
    expect(seconds(rhythm.steadyGapMs)).toBe(0.2);
  });

  it('sees a replay that arrives in clumps on a busy machine, and its gaps never become the rhythm', () => {
    // Recorded from the lab under CPU load: stored readings came back with 142 ms and 87 ms pauses between clumps.
    // Judged gap by gap, two pauses over a third of the usual gap read as "normal pace", so it said "dropped".
    const rhythm = new TelemetryRhythm();
    expect(feed(rhythm, jittered(0, 200, 8, 0))).toEqual([]);
    const replay = [142, 87, 1, 0, 0, 163, 1, 0, 91, 0, 142, 87, 0, 1, 0, 97].reduce<number[]>(
      (times, gap) => [...times, (times.at(-1) ?? 5800) + gap],
      [5800],
    );
    expect(feed(rhythm, replay)).toEqual([{ kind: 'replayed', awayMs: 4400 }]);
    expect(feed(rhythm, jittered(replay.at(-1)! + 150, 200, 10, 60))).toEqual([]);
    expect(seconds(rhythm.steadyGapMs)).toBe(0.2);
  });
});

describe('ExerciseChecker without a lab device', () => {
  function checker(overrides: Partial<ExerciseCheckerOptions> = {}) {
    const passed: string[] = [];
    const instance = new ExerciseChecker({
      studentId: 'abc',
      seesClients: true,
      isLabClient: (clientId) => clientId === 'mqttlab-x',
      passed: new Set(),
      onPassed: (step) => passed.push(step),
      onRhythm: () => {},
      ...overrides,
    });
    return { instance, passed };
  }

  it('explains a reading whose light is text, and a client id without the student\'s ID', () => {
    const { instance } = checker();
    instance.message('abc/telemetry', '{"light": "400"}', 0);
    expect(instance.view('E2').check.saw).toContain('light is text in quotes, not a number.');
    instance.clientConnected('<ID>nightlight_client');
    expect(instance.view('E1').check).toMatchObject({ code: 'e1-other-client', params: { expectedClientId: 'abcnightlight_client' } });
  });

  it('ignores the lab\'s own clients and a bare # but names a filter that misses the telemetry', () => {
    const { instance, passed } = checker();
    instance.clientSubscribed('mqttlab-x', ['abc/telemetry']);
    instance.clientSubscribed('tool', ['#']);
    expect(passed).toEqual([]);
    instance.clientSubscribed('my-server', ['abc/telemetery']);
    expect(instance.view('E3').check.saw).toBe('The client `my-server` subscribed to `abc/telemetery`, which does not match `abc/telemetry`.');
    instance.clientSubscribed('my-server', ['+/telemetry']);
    expect(passed).toEqual(['E3']);
  });

  it('on a public broker passes every step from telemetry and commands alone, saying it cannot see the LED', () => {
    const { instance, passed } = checker({ seesClients: false });
    let atMs = 0;
    const round = (light: number) => {
      instance.message('abc/telemetry', JSON.stringify({ light }), (atMs += 500));
      instance.message('abc/commands', JSON.stringify({ led_on: light < 300 }), (atMs += 10));
    };
    [0, 1023, 0].forEach(round);
    instance.message('abc/telemetry', '{"light": 5}', (atMs += 500));
    expect(passed.sort()).toEqual(['E1', 'E2', 'E3', 'E4', 'E5', 'E6']);
    expect(instance.view('E5').check.code).toBe('e5-passed-unseen-led');
  });

  it('says why a command would not be understood', () => {
    const { instance } = checker();
    instance.message('abc/commands', '{"led_on": "true"}', 0);
    const check = instance.view('E4').check;
    expect(check).toMatchObject({ code: 'e4-bad-payload', params: { reason: { key: 'lesson.payloadReasons.ledOnIsText' }, payload: '{"led_on": "true"}' } });
    expect(check.saw).toBe('A command arrived on `abc/commands` but the device would not understand it: led_on is text in quotes, not true or false. It was: {"led_on": "true"}');
  });
});
