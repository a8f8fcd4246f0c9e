// Words for the sequence diagram: an arrow's short label, its spoken label, every field for the tooltip, note texts,
// and which lifelines to draw. Pure functions over log entries and a translate function; no Vue, no DOM.
import type { LogEntry, NoteEntry, PacketEntry, PlaygroundClient } from '../../../../src-shared/contract/playground';
import { isKeyedText, type LabText } from '../../../../src-shared/i18n/format-lab-text';
import { showLabTexts } from '../../i18n/show-lab-text';
import { isLost } from './diagram-geometry';

export type Translate = (key: string, values?: Record<string, unknown>) => string;

export interface LabelPart {
  text: string;
  /** dup: a resent copy; lost: the packet never arrived; delayed: held back by the proxy. */
  tone?: 'dup' | 'lost' | 'delayed' | 'retain' | 'payload';
}

export interface FieldRow {
  label: string;
  value: string;
}

export interface LifelineClient {
  key: string;
  name: string;
  /** The name as a key, for a client the lab named (an experiment's own clients). */
  nameText?: LabText;
}

const REFUSED_QOS = 128;
/** Arrows are short: long filters keep their end (the interesting part), payloads their start. */
const FILTER_CHARS = 24;
const PAYLOAD_CHARS = 14;

function tail(text: string, max: number): string {
  return text.length <= max ? text : `…${text.slice(text.length - max + 1)}`;
}

function head(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function payloadPart(entry: PacketEntry, t: Translate): LabelPart {
  if (entry.payloadBytes === 0) return { text: t('playground.diagram.short.empty'), tone: 'payload' };
  return { text: `"${head(entry.payloadPreview ?? '', PAYLOAD_CHARS)}"`, tone: 'payload' };
}

function bit(value: boolean | null | undefined): string {
  return value ? '1' : '0';
}

function detailParts(entry: PacketEntry, t: Translate): LabelPart[] {
  const parts: LabelPart[] = [];
  const id = entry.packetId !== null ? [{ text: t('playground.diagram.short.id', { id: entry.packetId }) }] : [];
  switch (entry.type) {
    case 'CONNECT':
      parts.push({ text: t('playground.diagram.short.clean', { value: bit(entry.fields.clean === true) }) });
      if (typeof entry.fields.keepalive === 'number') parts.push({ text: t('playground.diagram.short.keepalive', { seconds: entry.fields.keepalive }) });
      break;
    case 'CONNACK':
      parts.push({ text: t('playground.diagram.short.sessionPresent', { value: bit(entry.sessionPresent) }) });
      if (entry.reasonCode !== null) parts.push({ text: t('playground.diagram.short.code', { code: entry.reasonCode }) });
      break;
    case 'PUBLISH':
      parts.push(...id, { text: t('playground.diagram.short.qos', { qos: entry.qos ?? 0 }) });
      if (entry.dup) parts.push({ text: t('playground.diagram.duplicate'), tone: 'dup' });
      if (entry.retain) parts.push({ text: t('playground.diagram.short.retain'), tone: 'retain' });
      if (entry.payloadPreview !== null) parts.push(payloadPart(entry, t));
      break;
    case 'SUBSCRIBE':
      parts.push(...id);
      for (const item of entry.filters ?? []) {
        parts.push({ text: `${tail(item.filter, FILTER_CHARS)} ${t('playground.diagram.short.qos', { qos: item.qos ?? 0 })}` });
      }
      break;
    case 'SUBACK':
      parts.push(...id);
      for (const granted of entry.grantedQos ?? []) {
        parts.push({ text: granted === REFUSED_QOS ? t('playground.diagram.short.refused') : t('playground.diagram.short.granted', { qos: granted }) });
      }
      break;
    case 'UNSUBSCRIBE':
      parts.push(...id, ...(entry.filters ?? []).map((item) => ({ text: tail(item.filter, FILTER_CHARS) })));
      break;
    default:
      parts.push(...id);
      if (entry.reasonCode !== null && entry.reasonCode !== 0) parts.push({ text: t('playground.diagram.short.code', { code: entry.reasonCode }) });
  }
  return parts;
}

/** The words on an arrow: packet type, its key fields, and what the network did to it. */
export function arrowLabel(entry: PacketEntry, t: Translate): LabelPart[] {
  const parts: LabelPart[] = [{ text: entry.type }, ...detailParts(entry, t)];
  if (isLost(entry.proxyAction)) parts.push({ text: t('playground.diagram.short.lost'), tone: 'lost' });
  if (entry.proxyAction === 'delayed' && entry.delayMs !== null) {
    parts.push({ text: t('playground.diagram.short.delayed', { ms: entry.delayMs }), tone: 'delayed' });
  }
  return parts;
}

function fateText(entry: PacketEntry, t: Translate): string {
  switch (entry.proxyAction) {
    case 'dropped':
      return t('playground.diagram.dropped');
    case 'blackHoled':
      return t('playground.diagram.blackholed');
    case 'lostInCut':
      return t('playground.diagram.lostInCut');
    case 'delayed':
      return t('playground.diagram.delayed', { delayMs: entry.delayMs ?? 0 });
    default:
      return t('playground.diagram.passed');
  }
}

/** Seconds since the first entry in the log, like "12.345 s". */
export function relativeTime(timeMs: number, originMs: number): string {
  return `${((timeMs - originMs) / 1000).toFixed(3)} s`;
}

/** What a screen reader says for an arrow, fate included. */
export function spokenLabel(entry: PacketEntry, clientName: string, originMs: number, t: Translate): string {
  const summary = arrowLabel(entry, t).map((part) => part.text).join(' ');
  const broker = t('playground.diagram.broker');
  const [from, to] = entry.direction === 'toBroker' ? [clientName, broker] : [broker, clientName];
  return `${t('playground.diagram.arrowLabel', { summary, from, to, time: relativeTime(entry.timeMs, originMs) })}. ${fateText(entry, t)}`;
}

function yesNo(value: boolean, t: Translate): string {
  return value ? t('playground.diagram.yes') : t('playground.diagram.no');
}

/** Every field of a packet for its tooltip, in the order a student reads them; unknown extras keep their own names. */
export function packetFields(entry: PacketEntry, originMs: number, t: Translate, clientName = entry.clientName): FieldRow[] {
  const label = (key: string) => t(`playground.diagram.field.${key}`);
  const rows: FieldRow[] = [
    { label: label('time'), value: relativeTime(entry.timeMs, originMs) },
    { label: label('client'), value: clientName },
    { label: label('direction'), value: entry.direction === 'toBroker' ? t('playground.diagram.toBroker') : t('playground.diagram.toClient') },
    { label: label('type'), value: entry.type },
  ];
  const optional: Array<[string, string | null]> = [
    ['packetId', entry.packetId === null ? null : String(entry.packetId)],
    ['qos', entry.qos === null ? null : String(entry.qos)],
    ['retain', entry.retain === null ? null : yesNo(entry.retain, t)],
    ['dup', entry.dup === null ? null : yesNo(entry.dup, t)],
    ['topic', entry.topic],
    ['payload', entry.payloadPreview],
    ['sizeBytes', entry.payloadBytes === null ? null : String(entry.payloadBytes)],
    ['sessionPresent', entry.sessionPresent === null ? null : yesNo(entry.sessionPresent, t)],
    ['reasonCode', entry.reasonCode === null ? null : String(entry.reasonCode)],
    ['grantedQos', entry.grantedQos === null ? null : entry.grantedQos.join(', ')],
    ['subscriptions', entry.filters === null ? null : entry.filters.map((item) => `${item.filter}${item.qos === null ? '' : ` (QoS ${item.qos})`}`).join(', ')],
  ];
  for (const [key, value] of optional) if (value !== null) rows.push({ label: label(key), value });
  for (const [key, value] of Object.entries(entry.fields)) rows.push({ label: key, value: String(value) });
  rows.push({ label: label('fault'), value: fateText(entry, t) });
  return rows;
}

const NOTE_KEYS: Partial<Record<NoteEntry['event'], string>> = {
  cut: 'playground.diagram.cut',
  connectionClosed: 'playground.diagram.closed',
  connectionOpened: 'playground.diagram.opened',
  blackHoleOn: 'playground.diagram.blackholeOn',
  blackHoleOff: 'playground.diagram.blackholeOff',
  faultsCleared: 'playground.diagram.faultsCleared',
};

/** The text with its client's English name (a {name} value, at any depth) swapped for the name the page shows. */
function withShownName(text: LabText, english: string, shown: string): LabText {
  if (!text.params || english === shown) return text;
  const params = Object.fromEntries(
    Object.entries(text.params).map(([name, value]) => [
      name,
      isKeyedText(value) ? withShownName(value, english, shown) : name === 'name' && value === english ? shown : value,
    ]),
  );
  return { ...text, params };
}

/** A note's whole sentence(s) in the page's language, naming its client as the page does. */
export function noteSentence(entry: NoteEntry, t: Translate, shownName = entry.clientName): string {
  return showLabTexts(t, entry.texts.map((text) => withShownName(text, entry.clientName, shownName)));
}

/** A note's words: our own for the simple events, the lab's sentence for the ones that carry details. */
export function noteText(entry: NoteEntry, t: Translate, shownName = entry.clientName): string {
  const key = NOTE_KEYS[entry.event];
  return key ? t(key) : noteSentence(entry, t, shownName);
}

/** Draw a zigzag break across the client's lifeline for these notes. */
export function isBreak(entry: NoteEntry): boolean {
  return entry.event === 'cut' || entry.event === 'connectionClosed';
}

/** Lifelines: the page's own clients first (in card order), then any other client seen in the log, by first appearance. */
export function lifelineClients(entries: readonly LogEntry[], clients: readonly PlaygroundClient[]): LifelineClient[] {
  const seen = new Map<string, LogEntry>();
  for (const entry of entries) if (entry.clientKey && !seen.has(entry.clientKey)) seen.set(entry.clientKey, entry);
  const ordered: LifelineClient[] = [];
  for (const client of clients) {
    const active = seen.has(client.key) || client.state === 'connected' || client.state === 'connecting';
    if (client.role === 'student' && active) ordered.push({ key: client.key, name: client.name });
  }
  for (const [key, entry] of seen) {
    if (ordered.some((line) => line.key === key)) continue;
    ordered.push({ key, name: entry.clientName, ...(entry.clientNameText ? { nameText: entry.clientNameText } : {}) });
  }
  return ordered;
}
