// The USB bridge for boards without Wi-Fi: the board's JSON lines go to <ID>/telemetry through the lab's named MQTT
// client 'board-bridge', and each message on <ID>/commands goes to the board as one JSON line. Counts and errors.
import { BOARD_BRIDGE_CLIENT_NAME, type BridgeStatus } from '../../../src-shared/contract/board';
import { nightlightNames } from '../../../src-shared/contract/nightlight';
import type { ClientStatus, ReceivedMessage } from '../../../src-shared/contract/schemas';
import { englishErrorMessage, errorText, type ErrorText } from '../../../src-shared/i18n/error-text';
import type { Disposable } from '../../lib/emitter';
import type { Logger } from '../../lib/logger';
import { reasonOf } from '../../lib/reason-of';
import type { MqttClientService } from '../mqtt/mqtt-client-service';
import { Coalescer } from './coalescer';
import { jsonObjectIn } from './plot-parser';

export const MAX_BRIDGE_ERRORS = 20;

export interface UsbBridgeDeps {
  clients: Pick<MqttClientService, 'connect' | 'disconnect' | 'subscribe' | 'publish' | 'onStatusChanged' | 'onMessages'>;
  /** The student's <ID> and the broker the lab uses now. */
  getSettings: () => Promise<{ studentId: string; activeProfileId: string }>;
  /** Writes one line to the board; throws when no board is open. */
  writeToBoard: (line: string) => Promise<void>;
  isBoardOpen: () => boolean;
  publish: (status: BridgeStatus) => void;
  logger: Logger;
  now?: () => number;
}

/** The telemetry in a board line: a JSON object line, or the lesson's `Sending telemetry {...}`. */
export function telemetryIn(line: string): string | null {
  const trimmed = line.trim();
  if (trimmed.startsWith('{')) return jsonObjectIn(trimmed) ? trimmed : null;
  if (trimmed.startsWith('Sending telemetry ')) {
    const json = trimmed.slice('Sending telemetry '.length).trim();
    return jsonObjectIn(json) && json.startsWith('{') ? json : null;
  }
  return null;
}

export class UsbBridge {
  private status: BridgeStatus;
  private clientState: ClientStatus['state'] = 'idle';
  private readonly coalescer: Coalescer;
  private readonly subscriptions: Disposable[];
  private readonly now: () => number;

  constructor(private readonly deps: UsbBridgeDeps) {
    this.now = deps.now ?? Date.now;
    this.coalescer = new Coalescer(() => deps.publish(this.getStatus()));
    const names = nightlightNames('lab');
    this.status = {
      enabled: false, state: 'off', clientName: BOARD_BRIDGE_CLIENT_NAME, telemetryTopic: names.telemetryTopic,
      commandTopic: names.commandTopic, toMqttCount: 0, toBoardCount: 0, errorCount: 0, errors: [],
    };
    this.subscriptions = [
      deps.clients.onStatusChanged((status) => status.clientName === BOARD_BRIDGE_CLIENT_NAME && this.onClientStatus(status)),
      deps.clients.onMessages((batch) => {
        if (batch.clientName === BOARD_BRIDGE_CLIENT_NAME) for (const message of batch.messages) void this.toBoard(message);
      }),
    ];
  }

  /** Shows the student's own topics before the bridge is first switched on (the lab starts with a placeholder id). */
  async loadTopics(): Promise<void> {
    if (this.status.enabled) return;
    const names = nightlightNames((await this.deps.getSettings()).studentId);
    this.status = { ...this.status, telemetryTopic: names.telemetryTopic, commandTopic: names.commandTopic };
    this.coalescer.schedule();
  }

  getStatus(): BridgeStatus {
    return { ...this.status, errors: [...this.status.errors] };
  }

  async setEnabled(enabled: boolean): Promise<BridgeStatus> {
    if (!enabled) {
      this.status = { ...this.status, enabled: false };
      this.refreshState();
      await this.deps.clients.disconnect(BOARD_BRIDGE_CLIENT_NAME).catch(() => undefined);
      return this.getStatus();
    }
    const { studentId, activeProfileId } = await this.deps.getSettings();
    const names = nightlightNames(studentId);
    this.status = {
      ...this.status, enabled: true, telemetryTopic: names.telemetryTopic, commandTopic: names.commandTopic,
      toMqttCount: 0, toBoardCount: 0, errorCount: 0, errors: [],
    };
    this.refreshState();
    try {
      await this.deps.clients.connect(BOARD_BRIDGE_CLIENT_NAME, activeProfileId, `${studentId}board_bridge`);
    } catch (error) {
      // The client keeps retrying on its own; the status shows "waiting for the broker" meanwhile.
      this.recordError(errorText('errors.board.bridgeNoBroker', { reason: reasonOf(error) }));
    }
    return this.getStatus();
  }

  /** Every line the board printed; telemetry goes to MQTT while the bridge runs. */
  fromBoard(line: string): void {
    if (!this.status.enabled) return;
    const telemetry = telemetryIn(line);
    if (telemetry === null) {
      if (line.trim().startsWith('{')) this.recordError(errorText('errors.board.bridgeNotJsonLine', { line: line.slice(0, 80) }));
      return;
    }
    if (this.clientState !== 'connected') {
      this.recordError(errorText('errors.board.bridgeNotConnected', { line: telemetry.slice(0, 80) }));
      return;
    }
    this.deps.clients
      .publish({ clientName: BOARD_BRIDGE_CLIENT_NAME, topic: this.status.telemetryTopic, payload: telemetry, payloadEncoding: 'utf8', qos: 0, retain: false })
      .then(
        () => this.count('toMqttCount'),
        (error: Error) => this.recordError(errorText('errors.board.bridgePublishFailed', { topic: this.status.telemetryTopic, reason: reasonOf(error) })),
      );
  }

  /** The board port opened, closed or was unplugged. */
  boardChanged(): void {
    this.refreshState();
  }

  async dispose(): Promise<void> {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.coalescer.dispose();
    if (this.status.enabled) await this.deps.clients.disconnect(BOARD_BRIDGE_CLIENT_NAME).catch(() => undefined);
  }

  private onClientStatus(status: ClientStatus): void {
    this.clientState = status.state;
    if (status.state === 'connected' && this.status.enabled) {
      // Also after a reconnect: a client whose first connect failed has never subscribed.
      this.deps.clients
        .subscribe(BOARD_BRIDGE_CLIENT_NAME, this.status.commandTopic, 0)
        .catch((error: Error) => this.recordError(errorText('errors.board.bridgeSubscribeFailed', { topic: this.status.commandTopic, reason: reasonOf(error) })));
    }
    this.refreshState();
  }

  private async toBoard(message: ReceivedMessage): Promise<void> {
    if (!this.status.enabled || message.topic !== this.status.commandTopic) return;
    const line = commandLine(message.payloadText);
    if (line === null) {
      this.recordError(
        errorText('errors.board.bridgeNotJsonCommand', { topic: message.topic, payload: message.payloadText?.slice(0, 80) ?? errorText('errors.board.bridgeBinary') }),
      );
      return;
    }
    try {
      await this.deps.writeToBoard(line);
      this.count('toBoardCount');
    } catch (error) {
      this.recordError(errorText('errors.board.bridgeNotDelivered', { line, reason: reasonOf(error) }));
    }
  }

  private count(key: 'toMqttCount' | 'toBoardCount'): void {
    this.status[key] += 1;
    this.coalescer.schedule();
  }

  /** An error for the panel: its English message and its key (the UI translates it, reasons inside too). */
  private recordError(text: ErrorText): void {
    this.status.errorCount += 1;
    this.status.errors = [...this.status.errors, { atMs: this.now(), message: englishErrorMessage(text), text }].slice(-MAX_BRIDGE_ERRORS);
    this.coalescer.schedule();
  }

  private refreshState(): void {
    const state: BridgeStatus['state'] = !this.status.enabled
      ? 'off'
      : !this.deps.isBoardOpen()
        ? 'waiting-for-board'
        : this.clientState !== 'connected'
          ? 'waiting-for-broker'
          : 'running';
    if (state !== this.status.state) this.status.state = state;
    this.coalescer.schedule();
  }
}

/** A command payload as one compact JSON line (the sketches read up to "\n"); null when it is not JSON. */
export function commandLine(payloadText: string | null): string | null {
  if (payloadText === null) return null;
  try {
    return JSON.stringify(JSON.parse(payloadText));
  } catch {
    return null;
  }
}
