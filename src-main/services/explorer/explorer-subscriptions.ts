// The explorer's list of filters per broker profile and their state on the current client (active, pending, failed).
// It asks the client service to (un)subscribe; it does not connect, and it keeps no topics or messages.
import type { ExplorerSubscription } from '../../../src-shared/contract/explorer';
import { LabError } from '../../../src-shared/contract/result';
import { errorText } from '../../../src-shared/i18n/error-text';
import type { Qos } from '../../../src-shared/contract/schemas';

export interface SubscribingClients {
  subscribe(clientName: string, filter: string, qos: Qos): Promise<{ filter: string; grantedQos: number }>;
  unsubscribe(clientName: string, filter: string): Promise<void>;
}

interface Entry {
  filter: string;
  qos: Qos;
  state: ExplorerSubscription['state'];
  grantedQos: number | null;
  message?: string;
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
      message === undefined ? { filter, qos, state, grantedQos } : { filter, qos, state, grantedQos, message },
    );
  }

  filters(): string[] {
    return this.entries.map((entry) => entry.filter);
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
      Object.assign(entry, { state, grantedQos: null, message: labError?.message ?? 'The subscription did not work.' });
      return false;
    }
  }
}
