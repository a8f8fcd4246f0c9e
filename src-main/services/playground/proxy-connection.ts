// One client<->broker TCP pair inside the fault proxy: frames each direction into whole MQTT packets, asks the
// proxy what to do with each (pass, delay, drop, swallow) and keeps order. It owns its two sockets and timers only.
import type net from 'node:net';
import type { PacketDirection } from '../../../src-shared/contract/playground';
import { MalformedPacketError, PacketSplitter, summarizePacket, type PacketSummary } from './mqtt-framing';

export type Decision = { action: 'passed' | 'delayed' | 'dropped' | 'blackHoled'; delayMs: number };

export interface ConnectionHooks {
  decide(direction: PacketDirection, summary: PacketSummary): Decision;
  isBlackHoled(): boolean;
  reportPacket(direction: PacketDirection, decision: Decision, summary: PacketSummary): void;
  reportUpstreamFailed(error: Error): void;
  reportSideClosed(by: 'client' | 'broker'): void;
  reportClosed(by: 'client' | 'broker' | 'cut' | 'malformed', lostPackets: number): void;
}

interface Lane {
  direction: PacketDirection;
  splitter: PacketSplitter;
  queue: Array<{ frame: Buffer; releaseAtMs: number }>;
  timer: NodeJS.Timeout | undefined;
  lastReleaseAtMs: number;
}

type Side = 'client' | 'broker';

function newLane(direction: PacketDirection): Lane {
  return { direction, splitter: new PacketSplitter(), queue: [], timer: undefined, lastReleaseAtMs: 0 };
}

export class ProxyConnection {
  private readonly toBroker = newLane('toBroker');
  private readonly toClient = newLane('toClient');
  private readonly closedSides = new Set<Side>();
  private firstClosed: Side | undefined;
  /** Sides that closed while the black hole was on: their goodbye is held back until it is switched off. */
  private readonly heldCloses = new Set<Side>();
  private protocolLevel = 4;
  private finished = false;
  private upstreamConnected = false;

  constructor(
    readonly id: number,
    private readonly client: net.Socket,
    private readonly upstream: net.Socket,
    private readonly hooks: ConnectionHooks,
  ) {
    client.on('data', (chunk: Buffer) => this.onData(this.toBroker, chunk));
    upstream.on('data', (chunk: Buffer) => this.onData(this.toClient, chunk));
    upstream.once('connect', () => (this.upstreamConnected = true));
    client.on('error', () => undefined);
    upstream.on('error', (error) => {
      if (!this.upstreamConnected && !this.finished) this.hooks.reportUpstreamFailed(error);
    });
    client.once('close', () => this.onSideClosed('client'));
    upstream.once('close', () => this.onSideClosed('broker'));
  }

  /** Destroys both sockets at once, like pulling the cable; packets still waiting in a delay are lost. */
  cut(): void {
    if (this.finished) return;
    this.finish('cut');
  }

  /** The black hole was switched off: a side that closed meanwhile now says goodbye to the other. */
  releaseHeldCloses(): void {
    for (const side of [...this.heldCloses]) {
      this.heldCloses.delete(side);
      this.propagateClose(side);
    }
  }

  private onData(lane: Lane, chunk: Buffer): void {
    if (this.finished) return;
    let frames: Buffer[];
    try {
      frames = lane.splitter.push(chunk);
    } catch (error) {
      if (!(error instanceof MalformedPacketError)) throw error;
      this.finish('malformed');
      return;
    }
    for (const frame of frames) this.onFrame(lane, frame);
  }

  private onFrame(lane: Lane, frame: Buffer): void {
    const summary = summarizePacket(frame, this.protocolLevel);
    if (summary.protocolLevel !== null) this.protocolLevel = summary.protocolLevel;
    const decision = this.hooks.decide(lane.direction, summary);
    this.hooks.reportPacket(lane.direction, decision, summary);
    if (decision.action === 'dropped' || decision.action === 'blackHoled') return;
    this.enqueue(lane, frame, decision.delayMs);
  }

  private enqueue(lane: Lane, frame: Buffer, delayMs: number): void {
    const now = Date.now();
    // A packet never overtakes an earlier one: TCP keeps order, and so does a slow network.
    const releaseAtMs = Math.max(now + delayMs, lane.lastReleaseAtMs);
    lane.lastReleaseAtMs = releaseAtMs;
    if (lane.queue.length === 0 && releaseAtMs <= now) {
      this.write(lane, frame);
      return;
    }
    lane.queue.push({ frame, releaseAtMs });
    this.schedule(lane);
  }

  private schedule(lane: Lane): void {
    if (lane.timer || lane.queue.length === 0) return;
    const waitMs = Math.max(0, (lane.queue[0]?.releaseAtMs ?? 0) - Date.now());
    lane.timer = setTimeout(() => {
      lane.timer = undefined;
      const now = Date.now();
      while (lane.queue.length > 0 && (lane.queue[0]?.releaseAtMs ?? 0) <= now) {
        const next = lane.queue.shift();
        if (next) this.write(lane, next.frame);
      }
      this.schedule(lane);
      this.afterDrain(lane);
    }, waitMs);
  }

  private write(lane: Lane, frame: Buffer): void {
    const target = lane.direction === 'toBroker' ? this.upstream : this.client;
    if (!target.destroyed && target.writable) target.write(frame);
  }

  private onSideClosed(side: Side): void {
    this.closedSides.add(side);
    if (this.finished) return;
    if (this.firstClosed === undefined) {
      this.firstClosed = side;
      this.hooks.reportSideClosed(side);
    }
    if (this.closedSides.size === 2) {
      this.finish(this.firstClosed);
      return;
    }
    if (this.hooks.isBlackHoled()) {
      this.heldCloses.add(side);
      return;
    }
    this.propagateClose(side);
  }

  /** Ends the other socket once the packets travelling towards it have left. */
  private propagateClose(side: Side): void {
    const lane = side === 'client' ? this.toBroker : this.toClient;
    if (lane.queue.length === 0) this.otherSocket(side).end();
  }

  private afterDrain(lane: Lane): void {
    if (lane.queue.length > 0) return;
    const from: Side = lane.direction === 'toBroker' ? 'client' : 'broker';
    if (this.closedSides.has(from) && !this.heldCloses.has(from)) this.otherSocket(from).end();
  }

  private otherSocket(side: Side): net.Socket {
    return side === 'client' ? this.upstream : this.client;
  }

  private finish(by: 'client' | 'broker' | 'cut' | 'malformed'): void {
    this.finished = true;
    let lostPackets = 0;
    for (const lane of [this.toBroker, this.toClient]) {
      clearTimeout(lane.timer);
      lane.timer = undefined;
      lostPackets += lane.queue.length;
      lane.queue = [];
    }
    this.heldCloses.clear();
    this.client.destroy();
    this.upstream.destroy();
    this.hooks.reportClosed(by, lostPackets);
  }

  /** Whether this pair still carries traffic (not cut, not both sides closed). */
  get open(): boolean {
    return !this.finished;
  }
}
