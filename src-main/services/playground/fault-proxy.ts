// A fault-injecting TCP proxy on 127.0.0.1 between one playground client and its broker: cut, black hole,
// drop the next N packets per direction, delay. It reports what it did with every packet; it never parses more than framing.
import net from 'node:net';
import type { FaultState, MqttPacketType, PacketDirection } from '../../../src-shared/contract/playground';
import { Emitter, type Disposable } from '../../lib/emitter';
import type { PacketSummary } from './mqtt-framing';
import { ProxyConnection, type Decision } from './proxy-connection';

export interface ProxyTarget {
  host: string;
  port: number;
}

export interface ProxyPacketReport {
  connectionId: number;
  direction: PacketDirection;
  action: Decision['action'];
  delayMs: number;
  summary: PacketSummary;
}

export type ProxyConnectionReport =
  | { connectionId: number; kind: 'opened' }
  | { connectionId: number; kind: 'upstreamFailed'; error: Error }
  /** The first of the two sides closed; the other may stay open (black hole) or follow. */
  | { connectionId: number; kind: 'sideClosed'; by: 'client' | 'broker' }
  | { connectionId: number; kind: 'closed'; by: 'client' | 'broker' | 'cut' | 'malformed'; lostPackets: number };

interface DropRule {
  remaining: number;
  onlyType: MqttPacketType | null;
}

type ProxyEvents = { packet: ProxyPacketReport; connection: ProxyConnectionReport };

export class FaultProxy {
  private server: net.Server | undefined;
  private listeningPort: number | null = null;
  private target: ProxyTarget | undefined;
  private readonly connections = new Set<ProxyConnection>();
  private nextConnectionId = 1;
  private blackHole = false;
  private delayMs = 0;
  private readonly drops: Record<PacketDirection, DropRule> = {
    toBroker: { remaining: 0, onlyType: null },
    toClient: { remaining: 0, onlyType: null },
  };
  private readonly emitter: Emitter<ProxyEvents>;

  constructor(onListenerError: (error: unknown) => void = () => undefined) {
    this.emitter = new Emitter<ProxyEvents>(onListenerError);
  }

  onPacket(listener: (report: ProxyPacketReport) => void): Disposable {
    return this.emitter.on('packet', listener);
  }

  onConnection(listener: (report: ProxyConnectionReport) => void): Disposable {
    return this.emitter.on('connection', listener);
  }

  /** Starts listening on an ephemeral loopback port (once); returns that port. */
  async listen(): Promise<number> {
    if (this.listeningPort !== null) return this.listeningPort;
    const server = net.createServer((socket) => this.accept(socket));
    this.server = server;
    this.listeningPort = await new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : 0);
      });
    });
    return this.listeningPort;
  }

  get port(): number | null {
    return this.listeningPort;
  }

  /** Where new connections go; connections already open keep their broker. */
  setTarget(target: ProxyTarget): void {
    this.target = target;
  }

  get faults(): FaultState {
    return {
      blackHole: this.blackHole,
      dropToBroker: { ...this.drops.toBroker },
      dropToClient: { ...this.drops.toClient },
      delayMs: this.delayMs,
    };
  }

  setBlackHole(on: boolean): void {
    this.blackHole = on;
    if (!on) for (const connection of this.connections) connection.releaseHeldCloses();
  }

  /** Drops the next `count` packets going that way (only packets of onlyType, when given). */
  armDrop(direction: PacketDirection, count: number, onlyType: MqttPacketType | null = null): void {
    this.drops[direction] = { remaining: count, onlyType };
  }

  setDelay(delayMs: number): void {
    this.delayMs = delayMs;
  }

  clearFaults(): void {
    this.armDrop('toBroker', 0);
    this.armDrop('toClient', 0);
    this.delayMs = 0;
    this.setBlackHole(false);
  }

  /** Destroys every open pair now; returns how many were open. */
  cut(): number {
    const open = [...this.connections].filter((connection) => connection.open);
    for (const connection of open) connection.cut();
    return open.length;
  }

  openConnections(): number {
    return [...this.connections].filter((connection) => connection.open).length;
  }

  async close(): Promise<void> {
    for (const connection of this.connections) connection.cut();
    this.connections.clear();
    this.emitter.clear();
    const server = this.server;
    this.server = undefined;
    this.listeningPort = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private accept(client: net.Socket): void {
    const target = this.target;
    if (!target) {
      client.destroy();
      return;
    }
    const id = this.nextConnectionId++;
    const upstream = net.connect({ host: target.host, port: target.port });
    upstream.setNoDelay(true);
    client.setNoDelay(true);
    const connection = new ProxyConnection(id, client, upstream, {
      decide: (direction, summary) => this.decide(direction, summary),
      isBlackHoled: () => this.blackHole,
      reportPacket: (direction, decision, summary) =>
        this.emitter.emit('packet', { connectionId: id, direction, action: decision.action, delayMs: decision.delayMs, summary }),
      reportUpstreamFailed: (error) => this.emitter.emit('connection', { connectionId: id, kind: 'upstreamFailed', error }),
      reportSideClosed: (by) => this.emitter.emit('connection', { connectionId: id, kind: 'sideClosed', by }),
      reportClosed: (by, lostPackets) => {
        this.connections.delete(connection);
        this.emitter.emit('connection', { connectionId: id, kind: 'closed', by, lostPackets });
      },
    });
    this.connections.add(connection);
    this.emitter.emit('connection', { connectionId: id, kind: 'opened' });
  }

  private decide(direction: PacketDirection, summary: PacketSummary): Decision {
    if (this.blackHole) return { action: 'blackHoled', delayMs: 0 };
    const drop = this.drops[direction];
    if (drop.remaining > 0 && (drop.onlyType === null || drop.onlyType === summary.type)) {
      drop.remaining -= 1;
      if (drop.remaining === 0) drop.onlyType = null;
      return { action: 'dropped', delayMs: 0 };
    }
    return this.delayMs > 0 ? { action: 'delayed', delayMs: this.delayMs } : { action: 'passed', delayMs: 0 };
  }
}
