// The Playground page's state: its clients (settings, status, faults), the captured packet log, and experiments.
// The only place the page calls the bridge; failures land in error refs (per client and area), never as rejections.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import {
  MAX_PACKET_LOG_ENTRIES,
  type ExperimentId,
  type ExperimentInfo,
  type ExperimentProgress,
  type ExperimentResult,
  type Fault,
  type LogEntry,
  type PlaygroundClient,
  type PlaygroundTarget,
} from '../../../src-shared/contract/playground';
import type { CommandInput } from '../../../src-shared/contract/commands';
import type { LabErrorInfo } from '../../../src-shared/contract/result';
import type { Qos } from '../../../src-shared/contract/schemas';
import { useBridge } from '../bridge';
import { callInto } from './bridge-call';

/** Where a client's error is shown: next to the form that caused it. */
export type ClientArea = 'connection' | 'settings' | 'publish' | 'subscribe' | 'network';
export type PublishInput = CommandInput<'playground.publish'>;
export type ClientSettingsPatch = Omit<CommandInput<'playground.updateClient'>, 'clientKey'>;

export interface RunningExperiment {
  experimentId: ExperimentId;
  progress: ExperimentProgress | null;
}

export const usePlaygroundStore = defineStore('playground', () => {
  const bridge = useBridge();
  const clients = ref<PlaygroundClient[]>([]);
  /** Replaced, never mutated, so one captured batch costs one render. */
  const entries = shallowRef<LogEntry[]>([]);
  const paused = ref(false);
  const experiments = ref<ExperimentInfo[]>([]);
  const running = ref<RunningExperiment | null>(null);
  const result = ref<ExperimentResult | null>(null);
  const target = ref<PlaygroundTarget>('builtin');
  const error = ref<LabErrorInfo | null>(null);
  const experimentError = ref<LabErrorInfo | null>(null);
  const clientErrors = ref<Record<string, Partial<Record<ClientArea, LabErrorInfo>>>>({});
  const lastPublished = ref<Record<string, { topic: string; sizeBytes: number }>>({});

  const studentClients = computed(() => clients.value.filter((client) => client.role === 'student'));

  bridge.on('playground.clientsChanged', ({ clients: next }) => {
    clients.value = next;
  });
  bridge.on('playground.packetsCaptured', ({ entries: arrived }) => appendEntries(arrived));
  bridge.on('playground.experimentProgressed', (progress) => {
    if (running.value && running.value.experimentId === progress.experimentId) running.value = { ...running.value, progress };
  });

  function appendEntries(arrived: LogEntry[]): void {
    if (arrived.length === 0) return;
    const last = entries.value.at(-1)?.seq ?? -Infinity;
    // listPackets and a live batch can overlap right after loading; seq tells which ones are new.
    const fresh = arrived.filter((entry) => entry.seq > last);
    if (fresh.length === 0) return;
    const next = entries.value.concat(fresh);
    entries.value = next.length > MAX_PACKET_LOG_ENTRIES ? next.slice(next.length - MAX_PACKET_LOG_ENTRIES) : next;
  }

  function setClientError(clientKey: string, area: ClientArea, info: LabErrorInfo | null): void {
    const current = { ...(clientErrors.value[clientKey] ?? {}) };
    if (info) current[area] = info;
    else delete current[area];
    clientErrors.value = { ...clientErrors.value, [clientKey]: current };
  }

  function clientError(clientKey: string, area: ClientArea): LabErrorInfo | null {
    return clientErrors.value[clientKey]?.[area] ?? null;
  }

  function replaceClient(updated: PlaygroundClient): void {
    const index = clients.value.findIndex((client) => client.key === updated.key);
    if (index >= 0) clients.value.splice(index, 1, updated);
    else clients.value.push(updated);
  }

  /** Runs a command for one client; the outcome (or its error) is filed under that client's area. */
  async function forClient<T>(clientKey: string, area: ClientArea, work: (slot: typeof error) => Promise<T | undefined>) {
    const slot = ref<LabErrorInfo | null>(null);
    const value = await work(slot);
    setClientError(clientKey, area, slot.value);
    return value;
  }

  async function load(): Promise<void> {
    const [list, log, known] = await Promise.all([
      callInto(bridge, error, 'playground.listClients', {}),
      callInto(bridge, error, 'playground.listPackets', {}),
      callInto(bridge, experimentError, 'playground.listExperiments', {}),
    ]);
    if (list) clients.value = list;
    if (log) {
      entries.value = [];
      appendEntries(log.entries);
      paused.value = log.paused;
    }
    if (known) experiments.value = [...known].sort((a, b) => a.number - b.number);
  }

  async function addClient(name?: string): Promise<PlaygroundClient | undefined> {
    const added = await callInto(bridge, error, 'playground.addClient', name ? { name } : {});
    if (added) replaceClient(added);
    return added;
  }

  async function removeClient(clientKey: string): Promise<boolean> {
    const done = await callInto(bridge, error, 'playground.removeClient', { clientKey });
    if (done) clients.value = clients.value.filter((client) => client.key !== clientKey);
    return Boolean(done);
  }

  async function updateClient(clientKey: string, patch: ClientSettingsPatch): Promise<boolean> {
    const updated = await forClient(clientKey, 'settings', (slot) =>
      callInto(bridge, slot, 'playground.updateClient', { clientKey, ...patch }),
    );
    if (updated) replaceClient(updated);
    return Boolean(updated);
  }

  async function connect(clientKey: string): Promise<boolean> {
    const status = await forClient(clientKey, 'connection', (slot) =>
      callInto(bridge, slot, 'playground.connect', { clientKey, target: target.value }),
    );
    if (status) replaceClient(status);
    return Boolean(status);
  }

  async function disconnect(clientKey: string): Promise<boolean> {
    const status = await forClient(clientKey, 'connection', (slot) => callInto(bridge, slot, 'playground.disconnect', { clientKey }));
    if (status) replaceClient(status);
    return Boolean(status);
  }

  async function publish(input: PublishInput): Promise<boolean> {
    const { clientKey } = input;
    const next = { ...lastPublished.value };
    delete next[clientKey];
    lastPublished.value = next;
    const sent = await forClient(clientKey, 'publish', (slot) => callInto(bridge, slot, 'playground.publish', input));
    if (sent) lastPublished.value = { ...lastPublished.value, [clientKey]: { topic: input.topic, sizeBytes: sent.sizeBytes } };
    return Boolean(sent);
  }

  async function subscribe(clientKey: string, filter: string, qos: Qos) {
    const granted = await forClient(clientKey, 'subscribe', (slot) =>
      callInto(bridge, slot, 'playground.subscribe', { clientKey, filter, qos }),
    );
    // clientsChanged follows, but the granted QoS is shown at once without waiting for it.
    const client = clients.value.find((candidate) => candidate.key === clientKey);
    if (granted && client) {
      const entry = { filter: granted.filter, requestedQos: granted.requestedQos, grantedQos: granted.grantedQos };
      replaceClient({ ...client, subscriptions: [...client.subscriptions.filter((item) => item.filter !== entry.filter), entry] });
    }
    return granted;
  }

  async function unsubscribe(clientKey: string, filter: string): Promise<boolean> {
    const done = await forClient(clientKey, 'subscribe', (slot) =>
      callInto(bridge, slot, 'playground.unsubscribe', { clientKey, filter }),
    );
    const client = clients.value.find((candidate) => candidate.key === clientKey);
    if (done && client) replaceClient({ ...client, subscriptions: client.subscriptions.filter((item) => item.filter !== filter) });
    return Boolean(done);
  }

  async function injectFault(clientKey: string, fault: Fault): Promise<boolean> {
    const status = await forClient(clientKey, 'network', (slot) =>
      callInto(bridge, slot, 'playground.injectFault', { clientKey, fault }),
    );
    if (status) replaceClient(status);
    return Boolean(status);
  }

  async function clearPackets(): Promise<void> {
    if (await callInto(bridge, error, 'playground.clearPackets', {})) entries.value = [];
  }

  async function setPaused(next: boolean): Promise<void> {
    const answer = await callInto(bridge, error, 'playground.pauseCapture', { paused: next });
    if (answer) paused.value = answer.paused;
  }

  /** The log as text for the page to save; undefined with `error` set when it could not be made. */
  function exportPackets() {
    return callInto(bridge, error, 'playground.exportPackets', {});
  }

  async function runExperiment(experimentId: ExperimentId): Promise<ExperimentResult | undefined> {
    if (running.value) return undefined;
    running.value = { experimentId, progress: null };
    result.value = null;
    try {
      const outcome = await callInto(bridge, experimentError, 'playground.runExperiment', { experimentId, target: target.value });
      if (outcome) result.value = outcome;
      return outcome;
    } finally {
      running.value = null;
    }
  }

  function closeResult(): void {
    result.value = null;
    experimentError.value = null;
  }

  return {
    clients,
    studentClients,
    entries,
    paused,
    experiments,
    running,
    result,
    target,
    error,
    experimentError,
    clientErrors,
    lastPublished,
    clientError,
    load,
    addClient,
    removeClient,
    updateClient,
    connect,
    disconnect,
    publish,
    subscribe,
    unsubscribe,
    injectFault,
    clearPackets,
    setPaused,
    exportPackets,
    runExperiment,
    closeResult,
  };
});
