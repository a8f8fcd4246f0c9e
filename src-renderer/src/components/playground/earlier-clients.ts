// Which log entries belong to the clients of experiments run before the newest one: those clients are gone, so the
// diagram can hide their lifelines and packets behind a switch and keep the clients that matter now wide enough to
// read. Judged per entry, not per client key: experiments reuse keys like "exp-publisher" from run to run.
import type { LogEntry } from '../../../../src-shared/contract/playground';

export interface EarlierClients {
  /** Entries of lab-named (experiment) clients from before the newest experiment started. */
  entries: Set<LogEntry>;
  /** How many such clients: one per key and name, so "Subscriber" of run 1 and of run 5 count twice. */
  count: number;
}

/** The student's own clients (studentKeys) never count, and nothing is "earlier" until an experiment has started. */
export function earlierExperimentClients(entries: readonly LogEntry[], studentKeys: ReadonlySet<string>): EarlierClients {
  const newestStart = entries.findLastIndex((entry) => entry.kind === 'note' && entry.event === 'experimentStarted');
  const earlier: EarlierClients = { entries: new Set(), count: 0 };
  if (newestStart < 0) return earlier;
  const clients = new Set<string>();
  let run = 0;
  for (const entry of entries.slice(0, newestStart)) {
    if (entry.kind === 'note' && entry.event === 'experimentStarted') run += 1;
    if (!entry.clientKey || !entry.clientNameText || studentKeys.has(entry.clientKey)) continue;
    earlier.entries.add(entry);
    clients.add(`${run}\n${entry.clientKey}`);
  }
  earlier.count = clients.size;
  return earlier;
}
