// Turns one topic's kept history into JSON lines or CSV text (whole payloads, never cut) and a safe file name.
// Pure: it writes no files; the UI offers the text as a download.
import type { ExplorerMessage } from '../../../src-shared/contract/explorer';

export type ExportFormat = 'jsonl' | 'csv';

const CSV_COLUMNS = ['receivedAt', 'receivedAtMs', 'topic', 'qos', 'retain', 'sizeBytes', 'payloadEncoding', 'payload'] as const;

function row(message: ExplorerMessage) {
  return {
    receivedAt: new Date(message.receivedAtMs).toISOString(),
    receivedAtMs: message.receivedAtMs,
    topic: message.topic,
    qos: message.qos,
    retain: message.retain,
    sizeBytes: message.sizeBytes,
    payloadEncoding: message.payloadEncoding,
    payload: message.payload,
  };
}

/**
 * RFC 4180 quoting. A text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading ' unless it
 * is a plain number: payloads from a public broker come from strangers.
 */
export function csvField(value: string | number | boolean): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function exportHistory(messages: ExplorerMessage[], format: ExportFormat): string {
  if (format === 'jsonl') return messages.map((message) => `${JSON.stringify(row(message))}\n`).join('');
  const lines = [CSV_COLUMNS.join(',')];
  for (const message of messages) {
    const values = row(message);
    lines.push(CSV_COLUMNS.map((column) => csvField(values[column])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** "home/living room/light" -> "home_living-room_light-history.csv"; never empty, never a path. */
export function exportFileName(topic: string, format: ExportFormat): string {
  const base = topic
    .replace(/\//g, '_')
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{N}\p{M}_.-]/gu, '')
    .replace(/^\.+/, '')
    .slice(0, 80);
  return `${base || 'topic'}-history.${format}`;
}

export const EXPORT_MIME_TYPES: Record<ExportFormat, string> = {
  jsonl: 'application/x-ndjson',
  csv: 'text/csv',
};
