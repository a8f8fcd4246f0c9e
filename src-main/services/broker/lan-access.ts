// Inside the worker: what LAN clients may do and who they are. Students publish, subscribe and receive only under `<ID>/`
// (a subscribe outside gets SUBACK 0x80, a publish outside is acknowledged and dropped, as mosquitto's ACLs do);
// the teacher's shared login and every loopback client keep full access. Also keeps the live list of LAN clients.
import type net from 'node:net';
import type { Aedes, AedesOptions, Client, PublishPacket } from 'aedes';
import type { LanClientInfo } from './broker-protocol';
import { studentMayUse, type LanListener } from './lan-listener';

/** The list goes to the parent at most 4 times a second, however fast messages come in. */
const REPORT_INTERVAL_MS = 250;

type AedesPublish = (packet: PublishPacket, client: Client | null, done?: (error?: Error) => void) => void;

export class LanAccess {
  private readonly clients = new Map<Client, LanClientInfo>();
  private timer: NodeJS.Timeout | undefined;
  private lastReportMs = 0;

  constructor(
    private readonly lan: LanListener,
    private readonly report: (clients: LanClientInfo[]) => void,
  ) {}

  /** For aedes' options: a student's subscription outside `<ID>/` is refused with return code 0x80, the rest granted. */
  readonly authorizeSubscribe: NonNullable<AedesOptions['authorizeSubscribe']> = (client, subscription, callback) => {
    const studentId = this.studentOf(client);
    callback(null, studentId === null || studentMayUse(studentId, subscription.topic) ? subscription : null);
  };

  /**
   * For aedes' options: a student gets nothing outside `<ID>/`, not even from a session they resumed (its queued
   * messages pass here too) or a subscription restored with it. Runs for every delivery: one map lookup.
   */
  readonly authorizeForward: NonNullable<AedesOptions['authorizeForward']> = (client, packet) => {
    const studentId = this.studentOf(client);
    return studentId === null || studentMayUse(studentId, packet.topic) ? packet : null;
  };

  /**
   * Right after a student's login is accepted, before aedes stores the will: a will outside `<ID>/` is dropped. The
   * publish guard below also drops it when it fires with its client, but a will left in the on-disk store by a broker
   * crash is published later with no client, and would otherwise get through.
   */
  dropForeignWill(client: Client): void {
    const pending = client as unknown as { _will?: { topic?: string } | null };
    const studentId = this.studentOf(client);
    if (studentId !== null && pending._will && !studentMayUse(studentId, String(pending._will.topic))) pending._will = null;
  }

  /**
   * aedes' authorizePublish can only close the connection (MQTT-3.3.5-2 allows that or a normal acknowledgement);
   * a board that is disconnected reconnects and tries again forever, so, like mosquitto, the lab acknowledges and drops.
   * aedes has no hook between the acknowledgement and delivery, so this wraps broker.publish (wills pass here too).
   */
  install(broker: Aedes): void {
    const original = (broker.publish as unknown as AedesPublish).bind(broker);
    const guarded: AedesPublish = (packet, client, done) => {
      const info = client ? this.clients.get(client) : undefined;
      const studentId = client ? this.studentOf(client) : null;
      const refused = studentId !== null && !studentMayUse(studentId, packet.topic);
      if (info) {
        info.messagesIn += 1;
        if (refused) info.refused += 1;
        this.schedule();
      }
      if (refused) return done?.();
      original(packet, client, done);
    };
    (broker as unknown as { publish: AedesPublish }).publish = guarded;
    broker.on('client', (client) => this.added(client));
    broker.on('clientDisconnect', (client) => this.removed(client));
  }

  /** Disconnects the LAN client(s) with this client id; returns how many. Loopback clients are never touched. */
  kick(clientId: string): number {
    let kicked = 0;
    for (const [client, info] of this.clients) {
      if (info.clientId !== clientId) continue;
      client.close();
      (client.conn as net.Socket).destroy?.();
      kicked += 1;
    }
    return kicked;
  }

  list(): LanClientInfo[] {
    return [...this.clients.values()].map((info) => ({ ...info })).sort((a, b) => a.connectedSinceMs - b.connectedSinceMs);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.clients.clear();
  }

  private studentOf(client: Client): string | null {
    const identity = this.lan.identityOf(client.conn);
    return identity?.kind === 'student' ? identity.studentId : null;
  }

  private added(client: Client): void {
    const identity = this.lan.identityOf(client.conn);
    if (!identity) return;
    const socket = client.conn as net.Socket;
    this.clients.set(client, {
      clientId: client.id,
      username: identity.username,
      studentId: identity.kind === 'student' ? identity.studentId : null,
      address: `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`,
      connectedSinceMs: Date.now(),
      messagesIn: 0,
      refused: 0,
    });
    this.schedule();
  }

  private removed(client: Client): void {
    if (this.clients.delete(client)) this.schedule();
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), Math.max(0, this.lastReportMs + REPORT_INTERVAL_MS - Date.now()));
  }

  private flush(): void {
    this.timer = undefined;
    this.lastReportMs = Date.now();
    this.report(this.list());
  }
}
