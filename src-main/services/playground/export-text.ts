// The packet log as plain text: one line per entry, readable in any editor or pasted into a report.
// Pure formatting; it does not decide what is in the log.
import type { LogEntry, PacketEntry } from '../../../src-shared/contract/playground';
import { englishOf } from '../../../src-shared/i18n/lab-text';

const PROXY_WORDS: Record<NonNullable<PacketEntry['proxyAction']>, string> = {
  passed: '',
  delayed: 'delayed by the proxy',
  dropped: 'DROPPED by the proxy',
  blackHoled: 'SWALLOWED by the black hole',
  lostInCut: 'LOST when the connection was cut',
};

function clock(timeMs: number): string {
  const date = new Date(timeMs);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

function packetDetails(entry: PacketEntry): string[] {
  const parts: string[] = [];
  if (entry.packetId !== null) parts.push(`id=${entry.packetId}`);
  if (entry.qos !== null) parts.push(`qos=${entry.qos}`);
  if (entry.dup !== null) parts.push(`dup=${entry.dup ? 1 : 0}`);
  if (entry.retain !== null) parts.push(`retain=${entry.retain ? 1 : 0}`);
  if (entry.sessionPresent !== null) parts.push(`sessionPresent=${entry.sessionPresent ? 1 : 0}`);
  if (entry.reasonCode !== null) parts.push(`code=${entry.reasonCode}`);
  if (entry.grantedQos !== null) parts.push(`granted=[${entry.grantedQos.join(',')}]`);
  if (entry.filters !== null) parts.push(`filters=[${entry.filters.map((item) => (item.qos === null ? item.filter : `${item.filter} qos ${item.qos}`)).join(', ')}]`);
  if (entry.topic !== null) parts.push(`topic="${entry.topic}"`);
  if (entry.payloadPreview !== null) parts.push(`payload=${JSON.stringify(entry.payloadPreview)}`);
  if (entry.type === 'CONNECT') {
    for (const key of ['clientId', 'clean', 'keepalive', 'protocolVersion']) {
      if (entry.fields[key] !== undefined) parts.push(`${key}=${entry.fields[key]}`);
    }
  }
  return parts;
}

export function formatEntry(entry: LogEntry): string {
  const time = clock(entry.timeMs);
  if (entry.kind === 'note') return `${time}  ${entry.clientName ? `${entry.clientName}: ` : ''}-- ${entry.texts.map(englishOf).join(' ')}`;
  const arrow = entry.direction === 'toBroker' ? `${entry.clientName} -> broker` : `broker -> ${entry.clientName}`;
  const proxy = entry.proxyAction ? PROXY_WORDS[entry.proxyAction] : '';
  const delay = entry.proxyAction === 'delayed' && entry.delayMs ? ` ${entry.delayMs} ms` : '';
  const fate = proxy ? `  [${proxy}${delay}]` : '';
  return `${time}  ${arrow}  ${entry.type}  ${packetDetails(entry).join(' ')}${fate}`.trimEnd();
}

export function exportLog(entries: readonly LogEntry[], nowMs: number): { fileName: string; text: string } {
  const stamp = new Date(nowMs).toISOString().replace(/[:]/g, '-').replace(/\..*$/, '');
  const header = `MQTT Lab playground packet log, ${entries.length} entries, exported ${new Date(nowMs).toISOString()}`;
  return { fileName: `mqtt-lab-packets-${stamp}.txt`, text: [header, '', ...entries.map(formatEntry), ''].join('\n') };
}
