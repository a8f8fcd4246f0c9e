// Which filters the explorer subscribes to by default on each kind of broker, and which it refuses on a public one.
// Pure: no client, no I/O. A bare '#' on a shared public broker would pour every stranger's messages into the tree.

import { errorText, type ErrorText } from '../../../src-shared/i18n/error-text';

export type ProfileKind = 'builtin' | 'public' | 'custom';

/** '#' on the lab's own broker (everything there is the class's), '<studentId>/#' anywhere else. */
export function defaultFilterFor(kind: ProfileKind, studentId: string): string {
  return kind === 'builtin' ? '#' : `${studentId}/#`;
}

/** Why the explorer will not subscribe to this filter on this broker (an `errors.explorer.*` text), or null when it will. */
export function refusalFor(filter: string, kind: ProfileKind, studentId: string): ErrorText | null {
  if (kind !== 'public') return null;
  const first = filter.split('/')[0];
  if (first !== '#' && first !== '+') return null;
  const what = filter === '#' ? errorText('errors.explorer.hashEverything') : errorText('errors.explorer.wildcardFirst', { filter });
  return errorText('errors.explorer.publicWildcard', { filter, what, own: `${studentId}/#` });
}
