// Joins the two views of one playground client's traffic into the log: mqtt.js packet events (every field) and the
// proxy's reports (what it did with each packet). Both see one TCP connection's packets in the same order per direction.
import type { Packet } from 'mqtt';
import type { ProxyPacketReport } from './fault-proxy';
import { draftFromMqttPacket, draftFromSummary } from './packet-entries';
import type { LogSource, PacketLog, PendingEntry } from './packet-log';

interface ConnectionLanes {
  /** PUBLISH/... sent by mqtt.js, waiting for the proxy to say what it did with them. */
  sent: PendingEntry[];
  /** Proxy reports for client->broker packets that arrived before mqtt.js's event (rare, kept for safety). */
  earlyReports: ProxyPacketReport[];
  /** broker->client packets the proxy let through, waiting for mqtt.js to receive them. */
  passedToClient: ProxyPacketReport[];
}

/**
 * Connection n of the proxy carries attempt n of the client: each connect makes one new mqtt.js client and exactly
 * one TCP connection to this client's own proxy. Older connections' leftovers are dropped when a new one starts.
 */
export class PacketCapture {
  private readonly lanes = new Map<number, ConnectionLanes>();

  constructor(
    private readonly log: PacketLog,
    private readonly source: () => LogSource,
  ) {}

  startAttempt(attempt: number): void {
    for (const id of [...this.lanes.keys()]) if (id < attempt - 1) this.lanes.delete(id);
    this.lanesOf(attempt);
  }

  onClientSent(attempt: number, packet: Packet): void {
    const draft = draftFromMqttPacket(packet, 'toBroker');
    const lanes = this.lanesOf(attempt);
    const early = lanes.earlyReports[0];
    if (early && early.summary.type === draft.type) {
      lanes.earlyReports.shift();
      this.log.add(this.source(), { ...draft, proxyAction: early.action, delayMs: early.action === 'delayed' ? early.delayMs : null });
      return;
    }
    const pending = this.log.addPending(this.source(), draft);
    if (pending) lanes.sent.push(pending);
  }

  onClientReceived(attempt: number, packet: Packet): void {
    const draft = draftFromMqttPacket(packet, 'toClient');
    const report = takeMatching(this.lanesOf(attempt).passedToClient, draft.type);
    if (report) {
      draft.proxyAction = report.action;
      draft.delayMs = report.action === 'delayed' ? report.delayMs : null;
    }
    this.log.add(this.source(), draft);
  }

  onProxyPacket(report: ProxyPacketReport): void {
    const lanes = this.lanesOf(report.connectionId);
    if (report.direction === 'toBroker') {
      const pending = lanes.sent.shift();
      if (!pending) lanes.earlyReports.push(report);
      else if (pending.type === report.summary.type) pending.complete({ proxyAction: report.action, delayMs: report.action === 'delayed' ? report.delayMs : null });
      else {
        pending.complete({ proxyAction: null, delayMs: null });
        this.addFromProxy(report);
      }
      return;
    }
    // mqtt.js never sees what the proxy did not let through, so the proxy's own summary is the log entry.
    if (report.action === 'dropped' || report.action === 'blackHoled') this.addFromProxy(report);
    else lanes.passedToClient.push(report);
  }

  private addFromProxy(report: ProxyPacketReport): void {
    this.log.add(this.source(), { ...draftFromSummary(report.summary, report.direction), proxyAction: report.action, delayMs: null });
  }

  private lanesOf(connectionId: number): ConnectionLanes {
    let lanes = this.lanes.get(connectionId);
    if (!lanes) {
      lanes = { sent: [], earlyReports: [], passedToClient: [] };
      this.lanes.set(connectionId, lanes);
    }
    return lanes;
  }
}

/** The first report of that type; reports before it (a mismatch, which should not happen) are discarded. */
function takeMatching(queue: ProxyPacketReport[], type: string): ProxyPacketReport | undefined {
  while (queue.length > 0) {
    const report = queue.shift() as ProxyPacketReport;
    if (report.summary.type === type) return report;
  }
  return undefined;
}
