// The explorer's list of filters per broker profile and their state on the current client (active, pending, failed).
// It asks the client service to (un)subscribe; it does not connect, and it keeps no topics or messages.
import type { ExplorerSubscription } from '../../../src-shared/contract/explorer';
import { LabError } from '../../../src-shared/contract/result';
import { englishErrorMessage, errorText, type ErrorText } from '../../../src-shared/i18n/error-text';
import type { Qos } from '../../../src-shared/contract/schemas';
import type { SavedFilter } from './explorer-saved';

export interface SubscribingClients {
  subscribe(clientName: string, filter: string, qos: Qos): Promise<{ filter: string; grantedQos: number }>;
  unsubscribe(clientName: string, filter: string): Promise<void>;
}

interface Entry {
  filter: string;
  qos: Qos;
  state: ExplorerSubscription['state'];
  grantedQos: number | null;
  /** Why it failed or waits, as a key (its English goes out as the view's message). */
  message?: ErrorText;
  /** The current mqtt.js client has this subscription (so it re-subscribes by itself after a reconnect). */
  onClient: boolean;
}

export class ExplorerSubscriptions {
  private readonly byProfile = new Map<string, Entry[]>();
  private entries: Entry[] = [];

  constructor(
    private readonly clients: SubscribingClients,
    private readonly clientName: string,
  ) {}

  /** Switches to a profile's list (its default filter the first time) on a new client: nothing subscribed yet. */
  useProfile(profileId: string, defaultFilter: string): void {
    let entries = this.byProfile.get(profileId);
    if (!entries) {
      entries = [{ filter: defaultFilter, qos: 0, state: 'pending', grantedQos: null, onClient: false }];
      this.byProfile.set(profileId, entries);
    }
    this.entries = entries;
    this.newClient();
  }

  list(): ExplorerSubscription[] {
    return this.entries.map(({ filter, qos, state, grantedQos, message }) =>
      message === undefined ? { filter, qos, state, grantedQos } : { filter, qos, state, grantedQos, message: englishErrorMessage(message), messageText: message },
    );
  }

  filters(): string[] {
    return this.entries.map((entry) => entry.filter);
  }

  /** Lists saved by an earlier run, per profile; a profile already in use keeps the list it has. */
  restore(saved: Record<string, SavedFilter[]>): void {
    for (const [profileId, filters] of Object.entries(saved)) {
      if (this.byProfile.has(profileId)) continue;
      this.byProfile.set(profileId, filters.map(({ filter, qos }) => ({ filter, qos, state: 'pending', grantedQos: null, onClient: false })));
    }
  }

  /** Every profile's filters and QoS, for saving (states are this run's business). */
  saved(): Record<string, SavedFilter[]> {
    return Object.fromEntries([...this.byProfile].map(([profileId, entries]) => [profileId, entries.map(({ filter, qos }) => ({ filter, qos }))]));
  }

  /** Takes filters out of the current list without unsubscribing (used before subscribing, for saved ones not allowed here). */
  drop(refused: (filter: string) => boolean): string[] {
    const dropped = this.entries.filter((entry) => refused(entry.filter));
    for (const entry of dropped) this.entries.splice(this.entries.indexOf(entry), 1);
    return dropped.map((entry) => entry.filter);
  }

  /**
   * The student's ID changed: "<old>/#" becomes "<new>/#" in every profile's list. On the current client the old
   * filter is unsubscribed and the new one subscribed (now when connected, else when the connection comes).
   */
  async rename(from: string, to: string, connected: boolean): Promise<boolean> {
    const current = this.entries.find((entry) => entry.filter === from);
    const wasOnClient = current?.onClient === true;
    let changed = false;
    for (const entries of this.byProfile.values()) {
      const old = entries.find((entry) => entry.filter === from);
      if (!old) continue;
      changed = true;
      if (entries.some((entry) => entry.filter === to)) entries.splice(entries.indexOf(old), 1);
      else Object.assign(old, { filter: to, state: 'pending', grantedQos: null, message: undefined, onClient: false });
    }
    if (wasOnClient) await this.clients.unsubscribe(this.clientName, from).catch(() => undefined);
    if (current && connected && this.entries.includes(current)) await this.subscribeEntry(current);
    return changed;
  }

  /** A new mqtt.js client knows no subscriptions. */
  newClient(): void {
    for (const entry of this.entries) Object.assign(entry, { onClient: false, state: 'pending', grantedQos: null, message: undefined });
  }

  /** The connection dropped: nothing is active until the broker confirms again. */
  connectionLost(): void {
    for (const entry of this.entries) if (entry.state === 'active') entry.state = 'pending';
  }

  /** After a reconnect mqtt.js has re-sent the subscriptions it had; the others are subscribed now. */
  async afterConnect(): Promise<string[]> {
    const subscribed: string[] = [];
    for (const entry of this.entries) {
      if (entry.onClient) {
        entry.state = 'active';
        subscribed.push(entry.filter);
      } else if (await this.subscribeEntry(entry)) subscribed.push(entry.filter);
    }
    return subscribed;
  }

  /** Adds (or changes the QoS of) a filter; subscribes now when connected, else when the connection comes. */
  async add(filter: string, qos: Qos, connected: boolean): Promise<void> {
    let entry = this.entries.find((candidate) => candidate.filter === filter);
    if (!entry) {
      entry = { filter, qos, state: 'pending', grantedQos: null, onClient: false };
      this.entries.push(entry);
    }
    entry.qos = qos;
    if (!connected) return;
    if (!(await this.subscribeEntry(entry)) && entry.state === 'failed') {
      this.entries.splice(this.entries.indexOf(entry), 1);
      throw new LabError('AUTH_FAILED', entry.message ?? errorText('errors.explorer.subscribeRefused', { filter }), 'filter');
    }
  }

  async remove(filter: string): Promise<void> {
    const index = this.entries.findIndex((entry) => entry.filter === filter);
    if (index === -1) {
      const current = this.entries.map((entry) => `"${entry.filter}"`).join(', ') || errorText('errors.explorer.noSubscriptions');
      throw new LabError('NOT_FOUND', errorText('errors.explorer.notSubscribed', { filter, current }), 'filter');
    }
    const [entry] = this.entries.splice(index, 1);
    if (entry?.onClient) await this.clients.unsubscribe(this.clientName, filter).catch(() => undefined);
  }

  private async subscribeEntry(entry: Entry): Promise<boolean> {
    try {
      const { grantedQos } = await this.clients.subscribe(this.clientName, entry.filter, entry.qos);
      Object.assign(entry, { state: 'active', grantedQos, onClient: true, message: undefined });
      return true;
    } catch (error) {
      const labError = error instanceof LabError ? error : undefined;
      // Not connected (again): it stays pending and is subscribed when the connection is back.
      const state = labError?.code === 'NOT_CONNECTED' ? 'pending' : 'failed';
      Object.assign(entry, { state, grantedQos: null, message: labError?.text ?? errorText('errors.explorer.subscriptionFailed') });
      return false;
    }
  }
}
