// What one connection of a playground client went through (who closed first, a broker DISCONNECT, a keep-alive
// timeout, the last publish): the raw facts behind the sentences of close-reasons.ts. Reset at every connect.
import type { ProxyConnectionReport } from './fault-proxy';

/** A close within this time after a publish is probably the broker refusing that publish. */
const RECENT_PUBLISH_MS = 1000;

export class ConnectionFacts {
  /** Who ended the TCP connection first, as the proxy saw it (it learns this before mqtt.js does). */
  closedFirstBy: 'client' | 'broker' | 'cut' | 'malformed' | undefined;
  upstreamError: Error | undefined;
  brokerDisconnectCode: number | undefined;
  keepaliveTimedOut = false;
  private lastPublish: { bytes: number; qos: number; atMs: number } | undefined;

  reset(): void {
    this.closedFirstBy = undefined;
    this.upstreamError = undefined;
    this.brokerDisconnectCode = undefined;
    this.keepaliveTimedOut = false;
  }

  /** Reports about other (older) connections of the same proxy are ignored. */
  noteProxy(report: ProxyConnectionReport, currentConnectionId: number): void {
    if (report.connectionId !== currentConnectionId) return;
    if (report.kind === 'upstreamFailed') this.upstreamError = report.error;
    if (report.kind === 'sideClosed' || report.kind === 'closed') this.closedFirstBy ??= report.by;
  }

  notePublish(bytes: number, qos: number): void {
    this.lastPublish = { bytes, qos, atMs: Date.now() };
  }

  recentPublish(): { bytes: number; qos: number } | undefined {
    const last = this.lastPublish;
    return last && Date.now() - last.atMs < RECENT_PUBLISH_MS ? { bytes: last.bytes, qos: last.qos } : undefined;
  }
}
