// Turns a topic's history into JSON lines or CSV and offers it as a file download (Blob + a link; works in
// Electron too). Payloads are written whole: text as text, binary as base64, never cut.

export interface ExportableMessage {
  topic: string;
  payloadText: string | null;
  payloadBase64: string;
  sizeBytes: number;
  qos: number;
  retain: boolean;
  receivedAtMs: number;
}

export type ExportFormat = 'jsonl' | 'csv';

const CSV_COLUMNS = ['receivedAt', 'topic', 'qos', 'retain', 'sizeBytes', 'encoding', 'payload'] as const;

function exportedRecord(message: ExportableMessage) {
  const binary = message.payloadText === null;
  return {
    receivedAt: new Date(message.receivedAtMs).toISOString(),
    topic: message.topic,
    qos: message.qos,
    retain: message.retain,
    sizeBytes: message.sizeBytes,
    encoding: binary ? 'base64' : 'utf8',
    payload: binary ? message.payloadBase64 : (message.payloadText ?? ''),
  };
}

export function toJsonLines(messages: readonly ExportableMessage[]): string {
  return messages.map((message) => JSON.stringify(exportedRecord(message))).join('\n') + (messages.length ? '\n' : '');
}

/**
 * One CSV cell: quoted when needed. A spreadsheet runs cells starting with = + @ as formulas, so those get a
 * leading apostrophe (negative numbers like -5 are left alone).
 */
export function csvCell(value: string | number | boolean): string {
  let text = String(value);
  if (/^[=+@\t\r]/.test(text) || /^-[^\d.]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(messages: readonly ExportableMessage[]): string {
  const rows = messages.map((message) => {
    const record = exportedRecord(message);
    return CSV_COLUMNS.map((column) => csvCell(record[column])).join(',');
  });
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

/** A file name from the topic: "lab-4k2x9q_telemetry-2025-01-01T12-30-05.csv". */
export function exportFileName(topic: string, format: ExportFormat, nowMs: number): string {
  const safeTopic = topic.replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 80) || 'topic';
  const stamp = new Date(nowMs).toISOString().slice(0, 19).replaceAll(':', '-');
  return `${safeTopic}-${stamp}.${format}`;
}

/** Starts a download of `text` as a file. */
export function downloadText(fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers read the Blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function exportHistory(topic: string, messages: readonly ExportableMessage[], format: ExportFormat, nowMs = Date.now()): string {
  const fileName = exportFileName(topic, format, nowMs);
  if (format === 'csv') downloadText(fileName, toCsv(messages), 'text/csv');
  else downloadText(fileName, toJsonLines(messages), 'application/x-ndjson');
  return fileName;
}
