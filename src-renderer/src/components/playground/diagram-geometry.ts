// Pure geometry of the sequence diagram: where each lifeline stands and where each row's arrow starts and ends.
// No Vue, no DOM: the diagram component renders what these functions return, so tests can check the maths.
import type { LogEntry, ProxyAction } from '../../../../src-shared/contract/playground';
import { CHAR_WIDTH_PX } from './label-fit';

export const BROKER_LIFELINE = '\u0000broker';
export const ROW_HEIGHT_PX = 34;
export const TIME_COLUMN_PX = 58;
/** Room beside the outer lifelines for half of their name tags. */
export const SIDE_PADDING_PX = 60;
/** The narrowest lane between two lifelines: room for a name tag wrapped on up to three lines and a short label.
 *  With more lifelines than fit, the diagram grows wider and scrolls sideways instead of squeezing them. */
export const LANE_MIN_PX = 116;
/** The widest a name tag gets, however wide the lanes are. */
const HEAD_MAX_PX = 170;

export interface Lifeline {
  /** The client key, or BROKER_LIFELINE. */
  id: string;
  x: number;
}

/** Clients split around the broker, so every arrow is short: the first half on its left, the rest on its right. */
export function orderLifelines(clientNames: readonly string[]): string[] {
  const leftCount = Math.floor(clientNames.length / 2);
  return [...clientNames.slice(0, leftCount), BROKER_LIFELINE, ...clientNames.slice(leftCount)];
}

/** The widest a lifeline's name tag may be without touching its neighbour or leaving the diagram. */
export function headMaxWidthPx(lifelines: readonly Lifeline[]): number {
  const step = lifelines.length > 1 ? lifelines[1]!.x - lifelines[0]!.x : Infinity;
  return Math.max(60, Math.min(step - 6, HEAD_MAX_PX));
}

/** How wide the diagram is drawn: the width in view, or wider (scrolling sideways) so no lane is under LANE_MIN_PX. */
export function diagramWidthPx(lifelineCount: number, viewWidthPx: number): number {
  const needed = TIME_COLUMN_PX + SIDE_PADDING_PX * 2 + LANE_MIN_PX * Math.max(lifelineCount - 1, 0);
  return Math.max(Math.round(viewWidthPx), needed);
}

export function placeLifelines(ids: readonly string[], widthPx: number): Lifeline[] {
  const left = TIME_COLUMN_PX + SIDE_PADDING_PX;
  const usable = Math.max(widthPx - left - SIDE_PADDING_PX, 120);
  const step = ids.length > 1 ? usable / (ids.length - 1) : 0;
  return ids.map((id, index) => ({ id, x: ids.length > 1 ? left + step * index : left + usable / 2 }));
}

export interface ArrowGeometry {
  x1: number;
  x2: number;
  /** Where the label is centred. */
  labelX: number;
  /** The arrow stops short and ends in a cross: the packet never arrived. */
  lost: boolean;
}

/** The proxy threw the packet away: it never reached the other side. */
export function isLost(action: ProxyAction | null): boolean {
  return action === 'dropped' || action === 'blackHoled' || action === 'lostInCut';
}

/** Start and end of a packet's arrow; a lost packet stops 60% of the way. */
export function arrowGeometry(entry: LogEntry, lifelines: readonly Lifeline[]): ArrowGeometry | null {
  if (entry.kind !== 'packet') return null;
  const client = lifelines.find((line) => line.id === entry.clientKey);
  const broker = lifelines.find((line) => line.id === BROKER_LIFELINE);
  if (!client || !broker) return null;
  const [from, to] = entry.direction === 'toBroker' ? [client.x, broker.x] : [broker.x, client.x];
  const lost = isLost(entry.proxyAction);
  const x2 = lost ? from + (to - from) * 0.6 : to;
  return { x1: from, x2, labelX: (from + to) / 2, lost };
}

/** Room for an arrow's label, centred between its two lifelines: the lane less a margin so it stays off both. */
export function labelRoomPx(arrow: ArrowGeometry): number {
  return Math.max(0, Math.abs(arrow.labelX - arrow.x1) * 2 - 12);
}

/** The zigzag drawn across a client's lifeline where its connection was cut or closed. */
export function breakPath(x: number, yCentre: number): string {
  const half = 9;
  return `M ${x - 14} ${yCentre - half} L ${x - 5} ${yCentre + half} L ${x + 5} ${yCentre - half} L ${x + 14} ${yCentre + half}`;
}

/** The two strokes of the cross at the end of a lost packet's arrow. */
export function crossPath(x: number, y: number): string {
  const size = 7;
  return `M ${x - size} ${y - size} L ${x + size} ${y + size} M ${x - size} ${y + size} L ${x + size} ${y - size}`;
}

/** The arrow head at x2, pointing along the arrow. */
export function arrowHeadPath(x1: number, x2: number, y: number): string {
  const dir = x2 >= x1 ? 1 : -1;
  const length = 10;
  return `M ${x2} ${y} L ${x2 - dir * length} ${y - 5} L ${x2 - dir * length} ${y + 5} Z`;
}


/** SVG text does not wrap, so a long note is shortened. The text, cut after a whole word with an ellipsis so it fits in widthPx (the tooltip still has all of it): a cut
 *  word ("retai…") reads as a typo, in any language. */
export function fitText(text: string, widthPx: number): string {
  const maxChars = Math.max(8, Math.floor(widthPx / CHAR_WIDTH_PX));
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > maxChars / 2 ? cut.slice(0, space) : cut}…`;
}
