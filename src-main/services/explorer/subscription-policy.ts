// Which filters the explorer subscribes to by default on each kind of broker, and which it refuses on a public one.
// Pure: no client, no I/O. A bare '#' on a shared public broker would pour every stranger's messages into the tree.

export type ProfileKind = 'builtin' | 'public' | 'custom';

/** '#' on the lab's own broker (everything there is the class's), '<studentId>/#' anywhere else. */
export function defaultFilterFor(kind: ProfileKind, studentId: string): string {
  return kind === 'builtin' ? '#' : `${studentId}/#`;
}

/** Why the explorer will not subscribe to this filter on this broker, or null when it will. */
export function refusalFor(filter: string, kind: ProfileKind, studentId: string): string | null {
  if (kind !== 'public') return null;
  const first = filter.split('/')[0];
  if (first !== '#' && first !== '+') return null;
  const what = filter === '#' ? `"#" means every topic on the broker` : `"${filter}" starts with a wildcard, so it matches topics of every user`;
  return (
    `Not subscribed to "${filter}" on this public broker: ${what}. Thousands of strangers publish there, so the tree ` +
    `would fill with their messages (and some may be unpleasant). Use your own topics instead: "${studentId}/#".`
  );
}
