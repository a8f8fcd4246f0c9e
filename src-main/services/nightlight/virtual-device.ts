// The virtual nightlight's firmware: runs the lesson's program for the chosen stage (local rule, connect, telemetry,
// commands), prints its exact console lines, drives the LED and stores readings while offline. It owns no sockets
// itself: the DeviceLink connects, the TelemetryQueue keeps readings, the LightSensor gives the level.
import type { DeviceSettings, DeviceState, LedSource, LedSwitch } from '../../../src-shared/contract/nightlight';
import { NIGHTLIGHT_DEFAULT_THRESHOLD } from '../../../src-shared/contract/nightlight';
import type { ClientStatus, ReceivedMessage } from '../../../src-shared/contract/schemas';
import { englishOf, type LabSentence } from '../../../src-shared/i18n/lab-text';
import type { Disposable } from '../../lib/emitter';
import { CommandBurst } from './command-burst';
import type { DeviceLink } from './device-link';
import { commandReceivedLine, connectedLine, connectFailedLine, localLoopLine, telemetryLine, telemetryPayload } from './firmware-lines';
import { ledCause, note, reasonOf, type LedCause } from './lab-notes';
import type { LightSensor } from './light-sensor';
import { parseCommand } from './payloads';
import { RingBuffer } from './ring-buffer';
import { startSteadyTimer, type SteadyTimer } from './steady-timer';
import { StoreAndForward } from './store-and-forward';
import type { TelemetryQueue } from './telemetry-queue';

/** The lesson's local loop sleeps 1 s. */
export const LOCAL_LOOP_MS = 1000;
/** The lesson's program connects before its loop starts; if the broker does not answer, the loop starts anyway. */
export const CONNECT_GRACE_MS = 3000;
const LED_LOG_SIZE = 50;
const SHOWN_QUEUE_ITEMS = 100;

/** A plain string is program output, printed as is; a LabSentence is the lab speaking, shown in the page's language. */
export type Print = (text: string | LabSentence, kind: 'output' | 'lab-note' | 'error') => void;

export interface VirtualDeviceDeps {
  link: DeviceLink;
  queue: TelemetryQueue;
  sensor: LightSensor;
  print: Print;
  changed: () => void;
}

/** Settings whose change restarts the device's program (and its connection). */
const RESTART_FIELDS = ['profileId', 'clientId', 'storeAndForward', 'mode', 'firmwareStage', 'commandTopic', 'consoleStyle', 'qos'] as const;

export class VirtualDevice {
  powered = true;
  private led: DeviceState['led'] = { on: false, changedAtMs: null, source: null };
  private readonly ledLog = new RingBuffer<LedSwitch>(LED_LOG_SIZE);
  private lastTelemetry: DeviceState['lastTelemetry'] = null;
  private listening = false;
  private hasConnected = false;
  /** Nothing runs before the service starts the device; settings changed earlier just apply at boot. */
  private started = false;
  private wasConnected = false;
  private loopTimer: SteadyTimer | undefined;
  private graceTimer: NodeJS.Timeout | undefined;
  private readonly replay: StoreAndForward;
  private readonly burst: CommandBurst;
  private readonly subscriptions: Disposable[];

  constructor(
    private readonly deps: VirtualDeviceDeps,
    private current: DeviceSettings,
  ) {
    this.burst = new CommandBurst((on, detail) => this.switchLed(on, 'command', detail), deps.print);
    this.replay = new StoreAndForward(deps.queue, deps.link, {
      started: (count) => deps.print(note('replayStarted', { count }), 'lab-note'),
      progressed: () => deps.changed(),
      finished: (sent, stoppedEarly) => {
        deps.print(stoppedEarly ? note('replayStopped', { sent, waiting: deps.queue.length }) : note('replayFinished', { sent }), 'lab-note');
        this.burst.replayFinished();
        deps.changed();
      },
    });
    this.subscriptions = [
      deps.link.onStatus((status) => this.onLinkStatus(status)),
      deps.link.onMessages((messages) => this.onMessages(messages)),
    ];
  }

  get settings(): DeviceSettings {
    return this.current;
  }

  /** Starts the program as if the device was just switched on. */
  async boot(): Promise<void> {
    this.started = true;
    this.stopLoop();
    this.hasConnected = false;
    this.listening = false;
    if (!this.powered) return;
    const { mode, firmwareStage } = this.current;
    if (mode === 'hardware-only') {
      await this.deps.link.close('graceful');
      this.deps.print(note('hardwareOnly'), 'lab-note');
      return this.deps.changed();
    }
    this.deps.print(note('programStarts', { stage: firmwareStage }), 'lab-note');
    if (firmwareStage === 'local-only') {
      await this.deps.link.close('graceful');
      this.startLoop();
    } else {
      this.graceTimer = setTimeout(() => this.startLoop(), CONNECT_GRACE_MS);
      void this.deps.link.open({ profileId: this.current.profileId, clientId: this.current.clientId, clean: !this.current.storeAndForward });
    }
    this.deps.changed();
  }

  async applySettings(next: DeviceSettings): Promise<void> {
    const previous = this.current;
    this.current = next;
    if (!this.started) return;
    if (RESTART_FIELDS.some((field) => previous[field] !== next[field])) {
      await this.boot();
    } else if (previous.telemetryIntervalMs !== next.telemetryIntervalMs && this.loopTimer) {
      this.stopLoop();
      this.startLoop();
    }
    this.deps.changed();
  }

  async setPower(on: boolean): Promise<void> {
    if (on === this.powered) return;
    this.powered = on;
    if (!this.started) return;
    if (on) {
      this.deps.print(note('powerOn'), 'lab-note');
      return this.boot();
    }
    this.stopLoop();
    this.listening = false;
    // A device losing power sends no goodbye: the broker only notices when the keep-alive runs out.
    await this.deps.link.close('force');
    this.switchLed(false, 'power', ledCause('powerOff'));
    this.deps.print(note('powerOff'), 'lab-note');
    this.deps.changed();
  }

  setNetwork(up: boolean): void {
    if (up === this.deps.link.cable.isUp) return;
    if (up) this.deps.link.cable.restore();
    else this.deps.link.cable.cut();
    this.deps.print(note(up ? 'networkRestored' : 'networkCut'), 'lab-note');
    this.deps.changed();
  }

  /** The CounterFit endpoint's actuator call. */
  setLedFromHttp(on: boolean, detail: string): void {
    this.switchLed(on, 'http', detail);
  }

  state(): DeviceState {
    const { queue, link, sensor } = this.deps;
    return {
      settings: { ...this.current },
      powered: this.powered,
      networkUp: link.cable.isUp,
      connection: link.status,
      listeningForCommands: this.listening && link.connected,
      light: sensor.light,
      random: sensor.randomMode,
      led: { ...this.led },
      ledLog: this.ledLog.toArray(),
      queue: {
        length: queue.length,
        capacity: queue.capacity,
        droppedCount: queue.droppedCount,
        replaying: this.replay.replaying,
        items: queue.head(SHOWN_QUEUE_ITEMS).map(({ seq, topic, payload, queuedAtMs }) => ({ seq, topic, payload, queuedAtMs })),
      },
      lastTelemetry: this.lastTelemetry ? { ...this.lastTelemetry } : null,
    };
  }

  dispose(): void {
    this.stopLoop();
    this.burst.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private startLoop(): void {
    if (this.graceTimer) clearTimeout(this.graceTimer);
    this.graceTimer = undefined;
    if (this.loopTimer || !this.powered) return;
    const local = this.current.firmwareStage === 'local-only' || this.current.firmwareStage === 'connected';
    this.tick();
    // On the lab's timeline, not setInterval's: a busy laptop must not make the device send less often than it was told.
    this.loopTimer = startSteadyTimer(() => this.tick(), local ? LOCAL_LOOP_MS : this.current.telemetryIntervalMs);
  }

  private stopLoop(): void {
    if (this.graceTimer) clearTimeout(this.graceTimer);
    this.loopTimer?.stop();
    this.graceTimer = undefined;
    this.loopTimer = undefined;
  }

  private tick(): void {
    const { firmwareStage, consoleStyle } = this.current;
    const light = this.deps.sensor.light;
    if (firmwareStage === 'local-only' || firmwareStage === 'connected') {
      // The Wio Terminal's "connected" step replaces its whole loop; the Python step keeps the local rule.
      if (consoleStyle === 'wio' && firmwareStage === 'connected') return;
      this.deps.print(localLoopLine(consoleStyle, light), 'output');
      const on = light < NIGHTLIGHT_DEFAULT_THRESHOLD;
      this.switchLed(on, 'local-rule', ledCause(on ? 'darkRule' : 'brightRule', { light, threshold: NIGHTLIGHT_DEFAULT_THRESHOLD }));
      return;
    }
    const payload = telemetryPayload(consoleStyle, light);
    this.deps.print(telemetryLine(consoleStyle, payload), 'output');
    this.sendTelemetry(payload);
  }

  private sendTelemetry(payload: string): void {
    const { telemetryTopic: topic, qos, retain, storeAndForward } = this.current;
    const { link, queue } = this.deps;
    const atMs = Date.now();
    if (storeAndForward && (!link.connected || this.replay.replaying || queue.length > 0)) {
      queue.push({ topic, payload, qos, retain, queuedAtMs: atMs });
      this.lastTelemetry = { payload, atMs, sent: false };
      if (!link.connected) this.deps.print(note('storedOffline', { waiting: queue.length }), 'lab-note');
      this.replay.kick();
      return this.deps.changed();
    }
    this.lastTelemetry = { payload, atMs, sent: false };
    if (!link.connected) {
      this.deps.print(note('notSentLost'), 'lab-note');
      return this.deps.changed();
    }
    link.publish(topic, payload, qos, retain).then(
      () => {
        if (this.lastTelemetry?.atMs === atMs) this.lastTelemetry = { payload, atMs, sent: true };
        this.deps.changed();
      },
      (error: unknown) => this.deps.print(note('notSent', { reason: reasonOf(error) }), 'lab-note'),
    );
  }

  private onLinkStatus(status: ClientStatus | null): void {
    const connected = status?.state === 'connected';
    if (connected && !this.wasConnected) this.onConnected();
    if (!connected && this.wasConnected && status) this.onConnectionLost(status);
    else if (status?.state === 'error' && !this.hasConnected) {
      const line = connectFailedLine(this.current.consoleStyle, status.messageText ?? status.message ?? 'no answer');
      this.deps.print(line.note ?? line.text, line.kind);
    }
    this.wasConnected = connected;
    this.deps.changed();
  }

  private onConnected(): void {
    const { consoleStyle, firmwareStage, resubscribeOnReconnect, storeAndForward } = this.current;
    const firstTime = !this.hasConnected;
    this.hasConnected = true;
    if (firstTime || consoleStyle === 'wio') this.deps.print(connectedLine(consoleStyle), 'output');
    else this.deps.print(note('connectedAgain'), 'lab-note');
    this.startLoop();
    if (firmwareStage === 'telemetry+commands') {
      if (firstTime || resubscribeOnReconnect) void this.subscribe();
      else if (!storeAndForward) {
        this.deps.print(note('notResubscribed'), 'lab-note');
      }
    }
    this.burst.open(this.current.offlineCommandPolicy);
    this.replay.kick();
    if (!this.replay.replaying) this.burst.replayFinished();
  }

  private onConnectionLost(status: ClientStatus): void {
    // With a clean session the broker forgets the subscription; a kept session (store-and-forward) remembers it.
    if (!this.current.storeAndForward) this.listening = false;
    this.deps.print(note('connectionLost', { reason: status.messageText ?? status.message ?? status.state }), 'lab-note');
  }

  private async subscribe(): Promise<void> {
    try {
      await this.deps.link.subscribe(this.current.commandTopic, this.current.qos);
      this.listening = true;
    } catch (error) {
      this.deps.print(note('couldNotSubscribe', { filter: this.current.commandTopic, reason: reasonOf(error) }), 'error');
    }
    this.deps.changed();
  }

  private onMessages(messages: ReceivedMessage[]): void {
    for (const message of messages) {
      const { commandTopic, firmwareStage, mode } = this.current;
      if (message.topic !== commandTopic || firmwareStage !== 'telemetry+commands' || mode !== 'virtual' || !this.powered) continue;
      const parsed = parseCommand(message);
      if (!parsed.ok) {
        this.deps.print(note('deviceWouldCrash', { problem: parsed.problem }), 'error');
        continue;
      }
      this.deps.print(commandReceivedLine(this.current.consoleStyle, message.payloadText ?? '', parsed.payload), 'output');
      if (parsed.extraFields.length > 0) this.deps.print(note('ignoredExtraFields', { fields: parsed.extraFields.join(', ') }), 'lab-note');
      this.burst.command(parsed.value, ledCause('command', { payload: message.payloadText ?? '', topic: message.topic }));
    }
  }

  private switchLed(on: boolean, source: LedSource, cause: LedCause): void {
    // The log says what switched the LED; a command that repeats the current state switched nothing.
    if (this.led.on === on) return;
    const atMs = Date.now();
    this.led = { on, changedAtMs: atMs, source };
    this.ledLog.push({ atMs, on, source, ...(typeof cause === 'string' ? { detail: cause } : { detail: englishOf(cause), detailText: cause }) });
    this.deps.changed();
  }
}
