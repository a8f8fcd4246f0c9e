// Fits an arrow's label into the lane between its two lifelines: whole fields ("session present=0", "QoS 1") are
// dropped from the end, an ellipsis marks the cut, and the packet type and what the network did to it (lost, dup=1,
// delayed) always stay. A field is never split: half of "session present=0" would say something else.
import type { LabelPart } from './packet-describe';

/** How wide a text is drawn, in px. */
export type MeasureText = (text: string) => number;

/** About how wide one character of the diagram's 12px text is, for when nothing can measure (a test DOM). */
export const CHAR_WIDTH_PX = 6.8;
/** Bold parts (lost, dup=1) and the halo around the text make it a little wider than measured in the regular face. */
const SAFETY = 1.03;
const HALO_PX = 4;

export const estimateTextWidth: MeasureText = (text) => text.length * CHAR_WIDTH_PX;

const KEPT_TONES = new Set<LabelPart['tone']>(['lost', 'dup', 'delayed']);

function joined(parts: readonly LabelPart[]): string {
  return parts.map((part) => part.text).join(' ');
}

/** The label's parts, shortened after a whole field so they fit in widthPx; unchanged when they already fit. */
export function fitLabelParts(parts: readonly LabelPart[], widthPx: number, measure: MeasureText = estimateTextWidth): LabelPart[] {
  const fits = (candidate: readonly LabelPart[]) => measure(joined(candidate)) * SAFETY + HALO_PX <= widthPx;
  if (parts.length === 0 || fits(parts)) return [...parts];
  const kept = parts.filter((part, index) => index > 0 && KEPT_TONES.has(part.tone));
  const optional = parts.filter((part, index) => index > 0 && !KEPT_TONES.has(part.tone));
  const build = (count: number): LabelPart[] => {
    const shown = [parts[0]!, ...optional.slice(0, count)].map((part) => ({ ...part }));
    // The ellipsis marks fields left out; with none left out there is nothing to mark, however tight the lane.
    if (count < optional.length) shown.at(-1)!.text += '…';
    return [...shown, ...kept];
  };
  for (let count = optional.length - 1; count > 0; count -= 1) {
    const candidate = build(count);
    if (fits(candidate)) return candidate;
  }
  return build(0);
}

let context: CanvasRenderingContext2D | null | undefined;

/** Measures with the page's own font in a canvas; falls back to an estimate where there is no canvas. */
export function canvasTextMeasure(fontSizePx = 12): MeasureText {
  if (context === undefined) {
    try {
      context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    } catch {
      context = null;
    }
  }
  const canvas = context;
  if (!canvas || typeof canvas.measureText !== 'function') return estimateTextWidth;
  const family = getComputedStyle(document.body).fontFamily || 'sans-serif';
  return (text) => {
    canvas.font = `${fontSizePx}px ${family}`;
    return canvas.measureText(text).width;
  };
}
