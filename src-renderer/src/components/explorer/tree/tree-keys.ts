// Keyboard moves of the ARIA tree pattern, worked out on the flat list of rows: what a key does, never how it is shown.
import type { TreeRow } from './tree-model';

export type TreeMove =
  | { kind: 'focus'; index: number }
  | { kind: 'expand'; topic: string }
  | { kind: 'collapse'; topic: string }
  | { kind: 'select'; topic: string }
  | { kind: 'none' };

function parentIndex(rows: readonly TreeRow[], index: number): number {
  const depth = rows[index]?.depth ?? 1;
  for (let candidate = index - 1; candidate >= 0; candidate--) {
    if ((rows[candidate]?.depth ?? 0) < depth) return candidate;
  }
  return -1;
}

/** What the key does at the focused row (ArrowUp/Down, Home/End, Right/Left, Enter/Space). */
export function treeMove(key: string, rows: readonly TreeRow[], index: number): TreeMove {
  const row = rows[index];
  if (!row) return rows.length > 0 && key.startsWith('Arrow') ? { kind: 'focus', index: 0 } : { kind: 'none' };
  switch (key) {
    case 'ArrowDown':
      return { kind: 'focus', index: Math.min(rows.length - 1, index + 1) };
    case 'ArrowUp':
      return { kind: 'focus', index: Math.max(0, index - 1) };
    case 'Home':
      return { kind: 'focus', index: 0 };
    case 'End':
      return { kind: 'focus', index: rows.length - 1 };
    case 'ArrowRight':
      if (!row.hasChildren) return { kind: 'none' };
      if (!row.expanded) return { kind: 'expand', topic: row.topic };
      return (rows[index + 1]?.depth ?? 0) > row.depth ? { kind: 'focus', index: index + 1 } : { kind: 'none' };
    case 'ArrowLeft': {
      if (row.expanded) return { kind: 'collapse', topic: row.topic };
      const parent = parentIndex(rows, index);
      return parent >= 0 ? { kind: 'focus', index: parent } : { kind: 'none' };
    }
    case 'Enter':
    case ' ':
      return { kind: 'select', topic: row.topic };
    default:
      return { kind: 'none' };
  }
}
