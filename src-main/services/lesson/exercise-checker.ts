// Checks the lesson's exercises E1..E6 from what really happens: clients that connect and subscribe (built-in broker),
// messages under `<ID>/`, and the LED of the lab's device. Pure state machine: no MQTT, no timers, O(1) per message.
import type { LessonCheck, LessonStepState } from '../../../src-shared/contract/lesson';
import { NIGHTLIGHT_DEFAULT_THRESHOLD, nightlightNames, type DeviceState } from '../../../src-shared/contract/nightlight';
import { topicMatches } from '../../../src-shared/mqtt/topic-match';
import { checkWord, makeCheck, payloadReason } from './check-text';
import { LedFollower, type FollowEvent } from './led-follower';
import type { ExerciseStepId } from './lesson-steps';
import { mentionsLedOn, mentionsLight, parseCommand, parseTelemetry } from './lesson-payloads';
import { CommandMatcher } from './command-matcher';
import { shortPayload } from './check-text';
import { TelemetryRhythm, type RhythmEvent } from './telemetry-rhythm';

export interface ExerciseCheckerOptions {
  studentId: string;
  /** The broker announces connects and subscriptions (the built-in broker's $SYS topics). */
  seesClients: boolean;
  /** The lab's own clients (its shared client, the explorer, the checker) never count as the student's. */
  isLabClient: (clientId: string) => boolean;
  /** Steps already passed (from the saved progress): they are not checked or reported again. */
  passed: ReadonlySet<ExerciseStepId>;
  onPassed: (step: ExerciseStepId, check: LessonCheck) => void;
  /** The device's telemetry changed rate, or came back after an absence (for the concept steps). */
  onRhythm: (event: RhythmEvent) => void;
}

export interface StepView {
  state: LessonStepState;
  check: LessonCheck;
}

const E6_SEQUENCE = [true, false, true];
const NEEDED_READINGS = 2;

export class ExerciseChecker {
  readonly telemetryTopic: string;
  readonly commandTopic: string;
  private readonly prefix: string;
  private readonly views = new Map<ExerciseStepId, StepView>();
  private readonly passed: Set<ExerciseStepId>;
  private readonly matcher = new CommandMatcher(NIGHTLIGHT_DEFAULT_THRESHOLD);
  private readonly follower: LedFollower;
  private readonly rhythm = new TelemetryRhythm();
  private readings = 0;
  private deviceListening = false;
  private commandsSeen = { on: false, off: false, lastAtMs: 0, telemetryAfter: false };
  private followed = { on: false, off: false };
  private e6 = { phase: 0, waitingForLed: null as boolean | null };

  constructor(private readonly options: ExerciseCheckerOptions) {
    const names = nightlightNames(options.studentId);
    this.telemetryTopic = names.telemetryTopic;
    this.commandTopic = names.commandTopic;
    this.prefix = `${options.studentId}/`;
    this.passed = new Set(options.passed);
    this.follower = new LedFollower(this.commandTopic);
    const id = options.studentId;
    const topics = { topic: this.telemetryTopic, commandTopic: this.commandTopic };
    this.set('E1', options.seesClients ? makeCheck('e1-waiting', { id, clientId: names.deviceClientId }) : makeCheck('e1-waiting-external', { id }), false);
    this.set('E2', makeCheck('e2-waiting', topics), false);
    this.set('E3', makeCheck(options.seesClients ? 'e3-waiting' : 'e3-waiting-external', topics), false);
    this.set('E4', makeCheck('e4-waiting', topics), false);
    this.set('E5', makeCheck('e5-waiting', topics), false);
    this.set('E6', makeCheck('e6-waiting', topics), false);
  }

  /** The device's usual time between readings, once it has a steady one. */
  get steadyGapMs(): number | null {
    return this.rhythm.steadyGapMs;
  }

  view(step: ExerciseStepId): StepView {
    return this.views.get(step)!;
  }

  clientConnected(clientId: string): void {
    // The lesson's server (`<ID>nightlight_server`) carries the ID too, but E1 is about the device.
    if (this.options.isLabClient(clientId) || /server/i.test(clientId)) return;
    const id = this.options.studentId;
    if (clientId.includes(id)) this.pass('E1', makeCheck('e1-client-seen', { clientId, id }));
    else if (/nightlight/i.test(clientId) && !this.passed.has('E1')) {
      this.set('E1', makeCheck('e1-other-client', { clientId, id, expectedClientId: nightlightNames(id).deviceClientId }), true);
    }
  }

  clientSubscribed(clientId: string, filters: string[]): void {
    if (this.options.isLabClient(clientId)) return;
    for (const filter of filters) {
      // A bare '#' is a tool watching everything (mosquitto_sub, an explorer), not a server for this device.
      if (filter === '#') continue;
      const forTelemetry = topicMatches(filter, this.telemetryTopic);
      if (topicMatches(filter, this.commandTopic)) this.deviceListening = true;
      if (forTelemetry) this.pass('E3', makeCheck('e3-subscribed', { clientId, filter, topic: this.telemetryTopic }));
      else if (filter.startsWith(this.prefix) && !topicMatches(filter, this.commandTopic) && !this.passed.has('E3')) {
        this.set('E3', makeCheck('e3-wrong-filter', { clientId, filter, topic: this.telemetryTopic }), true);
      }
    }
  }

  message(topic: string, text: string | null, atMs: number): void {
    if (topic === this.telemetryTopic) this.telemetry(text, atMs);
    else if (topic === this.commandTopic) this.command(text, atMs);
    else if (topic.startsWith(this.prefix)) this.elsewhere(topic, text);
  }

  deviceChanged(device: DeviceState): void {
    this.followEvent(this.follower.deviceChanged(device));
  }

  tick(nowMs: number): void {
    this.followEvent(this.follower.tick(nowMs));
  }

  private telemetry(text: string | null, atMs: number): void {
    const parsed = parseTelemetry(text);
    if (!parsed.ok) {
      if (!this.passed.has('E2')) {
        this.set('E2', makeCheck('e2-bad-payload', { topic: this.telemetryTopic, payload: shortPayload(text ?? ''), reason: payloadReason(parsed.reason) }), true);
      }
      return;
    }
    this.readings += 1;
    this.matcher.reading(parsed.value, atMs);
    const rhythmEvent = this.rhythm.reading(atMs);
    if (rhythmEvent) this.options.onRhythm(rhythmEvent);
    if (this.commandsSeen.on || this.commandsSeen.off) this.commandsSeen.telemetryAfter = true;
    this.pass('E1', makeCheck('e1-telemetry-seen', { topic: this.telemetryTopic }));
    const counts = { topic: this.telemetryTopic, count: this.readings, needed: NEEDED_READINGS, light: parsed.value };
    if (this.readings >= NEEDED_READINGS) this.pass('E2', makeCheck('e2-passed', counts));
    else this.set('E2', makeCheck('e2-counting', counts), true);
    this.checkUnseenLed();
  }

  private command(text: string | null, atMs: number): void {
    const parsed = parseCommand(text);
    if (!parsed.ok) {
      if (!this.passed.has('E4')) {
        this.set('E4', makeCheck('e4-bad-payload', { topic: this.commandTopic, payload: shortPayload(text ?? ''), reason: payloadReason(parsed.reason) }), true);
      }
      return;
    }
    const ledOn = parsed.value;
    this.noteCommand(ledOn, atMs);
    const answer = this.matcher.command(ledOn, atMs);
    if (answer) {
      this.pass('E3', makeCheck('e3-answering', { topic: this.telemetryTopic, commandTopic: this.commandTopic }));
      this.judgeAnswer(answer.light, ledOn, answer.correct);
      if (answer.correct) this.advanceCycle(ledOn);
    }
    this.followEvent(this.follower.command(ledOn, atMs));
  }

  private judgeAnswer(light: number, ledOn: boolean, correct: boolean): void {
    if (this.passed.has('E4')) return;
    if (!correct) {
      // led_on's values are JSON, shown as written in every language.
      this.set('E4', makeCheck('e4-wrong-answer', { light, ledOn: String(ledOn), expectedLedOn: String(!ledOn) }), true);
      return;
    }
    const { dark, bright } = this.matcher.correctCounts;
    if (dark > 0 && bright > 0) this.pass('E4', makeCheck('e4-passed', { dark, bright }));
    else this.set('E4', makeCheck('e4-counting', { dark, bright }), true);
  }

  private elsewhere(topic: string, text: string | null): void {
    if (mentionsLight(text) && !this.passed.has('E2')) {
      this.set('E2', makeCheck('e2-wrong-topic', { topic, expectedTopic: this.telemetryTopic }), true);
    } else if (mentionsLedOn(text) && !this.passed.has('E4')) {
      this.set('E4', makeCheck('e4-wrong-topic', { telemetryTopic: this.telemetryTopic, topic, commandTopic: this.commandTopic }), true);
    }
  }

  private noteCommand(ledOn: boolean, atMs: number): void {
    if (ledOn) this.commandsSeen.on = true;
    else this.commandsSeen.off = true;
    this.commandsSeen.lastAtMs = atMs;
    this.commandsSeen.telemetryAfter = false;
  }

  private followEvent(event: FollowEvent | null): void {
    if (!event) return;
    if (event.kind === 'not-following') {
      if (this.passed.has('E5')) return;
      const ledState = checkWord(event.ledOn ? 'on' : 'off');
      const params = { commandLedOn: String(event.commandLedOn), seconds: event.seconds, commandTopic: this.commandTopic, ledState };
      this.set('E5', makeCheck('e5-not-following', params), true);
      return;
    }
    if (event.ledOn) this.followed.on = true;
    else this.followed.off = true;
    if (this.followed.on && this.followed.off) this.pass('E5', makeCheck('e5-passed', { commandTopic: this.commandTopic }));
    else if (!this.passed.has('E5')) this.set('E5', makeCheck('e5-counting', { done: checkWord(event.ledOn ? 'on' : 'off') }), true);
    if (this.e6.waitingForLed === event.ledOn) {
      this.e6.waitingForLed = null;
      this.nextPhase();
    }
  }

  /** Without a visible LED: the device listens, got on and off commands and still sends telemetry afterwards. */
  private checkUnseenLed(): void {
    if (this.passed.has('E5') || this.follower.visible) return;
    const seen = this.commandsSeen;
    const listening = this.options.seesClients ? this.deviceListening : true;
    if (seen.on && seen.off && seen.telemetryAfter && listening) {
      this.pass('E5', makeCheck('e5-passed-unseen-led', { commandTopic: this.commandTopic }));
    }
  }

  private advanceCycle(ledOn: boolean): void {
    if (this.passed.has('E6') || this.e6.waitingForLed !== null || E6_SEQUENCE[this.e6.phase] !== ledOn) return;
    if (this.follower.visible) this.e6.waitingForLed = ledOn;
    else this.nextPhase();
  }

  private nextPhase(): void {
    if (this.passed.has('E6')) return;
    this.e6.phase += 1;
    if (this.e6.phase >= E6_SEQUENCE.length) {
      this.pass('E6', makeCheck('e6-passed', {}));
      return;
    }
    this.set('E6', makeCheck('e6-progress', { done: this.e6.phase, next: checkWord(E6_SEQUENCE[this.e6.phase] ? 'dark' : 'bright') }), true);
  }

  private pass(step: ExerciseStepId, check: LessonCheck): void {
    if (this.passed.has(step)) return;
    this.passed.add(step);
    this.views.set(step, { state: 'passed', check });
    this.options.onPassed(step, check);
  }

  private set(step: ExerciseStepId, check: LessonCheck, started: boolean): void {
    if (this.passed.has(step) && this.views.get(step)?.state === 'passed') return;
    this.views.set(step, { state: started ? 'in-progress' : 'not-started', check });
  }
}
