// Which lifelines belong to experiments run before the newest one: those clients are gone, so the diagram can hide
// their lifelines and packets behind a switch and keep the clients that matter now wide enough to read.
import type { LogEntry } from '../../../../src-shared/contract/playground';

/** Keys of the lab-named (experiment) clients seen only before the newest experiment started; the student's own
 *  clients (studentKeys) never count, and nothing is "earlier" until an experiment has started. */
export function earlierExperimentClients(entries: readonly LogEntry[], studentKeys: ReadonlySet<string>): Set<string> {
  let newestStart = -1;
  for (let index = entries.length - 1; index >= 0; index -= 1) {
    const entry = entries[index]!;
    if (entry.kind === 'note' && entry.event === 'experimentStarted') {
      newestStart = index;
      break;
    }
  }
  const earlier = new Set<string>();
  if (newestStart < 0) return earlier;
  for (const entry of entries.slice(0, newestStart)) {
    if (entry.clientKey && entry.clientNameText && !studentKeys.has(entry.clientKey)) earlier.add(entry.clientKey);
  }
  for (const entry of entries.slice(newestStart)) earlier.delete(entry.clientKey);
  return earlier;
}
