// Line diff between two payloads (longest common subsequence), for "what changed since the last message".
// Bounded: past MAX_DIFF_LINES lines per side it compares only the first lines, so a huge payload cannot freeze the page.

export type DiffKind = 'same' | 'added' | 'removed';

export interface DiffLine {
  kind: DiffKind;
  text: string;
}

export const MAX_DIFF_LINES = 800;

function lcsTable(before: string[], after: string[]): Uint16Array[] {
  const table = Array.from({ length: before.length + 1 }, () => new Uint16Array(after.length + 1));
  for (let i = before.length - 1; i >= 0; i--) {
    const row = table[i]!;
    const below = table[i + 1]!;
    for (let j = after.length - 1; j >= 0; j--) {
      row[j] = before[i] === after[j] ? below[j + 1]! + 1 : Math.max(below[j]!, row[j + 1]!);
    }
  }
  return table;
}

/** Lines of `after` against `before`: unchanged, added and removed, in reading order. */
export function diffLines(beforeText: string, afterText: string): DiffLine[] {
  const before = beforeText.split('\n').slice(0, MAX_DIFF_LINES);
  const after = afterText.split('\n').slice(0, MAX_DIFF_LINES);
  const table = lcsTable(before, after);
  const result: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length && j < after.length) {
    if (before[i] === after[j]) {
      result.push({ kind: 'same', text: after[j]! });
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) {
      result.push({ kind: 'removed', text: before[i++]! });
    } else {
      result.push({ kind: 'added', text: after[j++]! });
    }
  }
  while (i < before.length) result.push({ kind: 'removed', text: before[i++]! });
  while (j < after.length) result.push({ kind: 'added', text: after[j++]! });
  return result;
}

/** True when the two texts are longer than the diff looks at. */
export function diffWasCut(beforeText: string, afterText: string): boolean {
  const lines = (text: string) => text.split('\n').length;
  return lines(beforeText) > MAX_DIFF_LINES || lines(afterText) > MAX_DIFF_LINES;
}
