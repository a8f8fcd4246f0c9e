// The lab client's recent messages (a small bounded list, newest first), its subscriptions, and publishing.
// Incoming batches are prepended in one array replacement, so a busy broker costs one render per batch.
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { LabErrorInfo } from '../../../src-shared/contract/result';
import type { Qos, ReceivedMessage } from '../../../src-shared/contract/schemas';
import { useBridge } from '../bridge';
import { callInto, LAB_CLIENT_NAME } from './bridge-call';

export const RECENT_MESSAGES_LIMIT = 200;

export interface RecentMessage extends ReceivedMessage {
  /** Order of arrival, unique in this window: a stable key for lists. */
  seq: number;
}

export interface LabSubscription {
  filter: string;
  qos: Qos;
  grantedQos: number;
}

export interface PublishRequest {
  topic: string;
  payload: string;
  qos: Qos;
  retain: boolean;
}

export const useMessagesStore = defineStore('messages', () => {
  const bridge = useBridge();
  const recent = shallowRef<RecentMessage[]>([]);
  const subscriptions = ref<LabSubscription[]>([]);
  const lastPublished = ref<{ topic: string; sizeBytes: number } | null>(null);
  // Separate error states, so a failed publish is shown by the publish form and not by the subscribe form.
  const publishError = ref<LabErrorInfo | null>(null);
  const subscribeError = ref<LabErrorInfo | null>(null);
  let nextSeq = 1;
  let profileId: string | null = null;

  bridge.on('mqtt.messagesReceived', ({ clientName, messages }) => {
    if (clientName !== LAB_CLIENT_NAME || messages.length === 0) return;
    const arrived = messages.map((message) => ({ ...message, seq: nextSeq++ })).reverse();
    recent.value = [...arrived, ...recent.value].slice(0, RECENT_MESSAGES_LIMIT);
  });
  // A different broker means a fresh connection: the old subscriptions do not exist there.
  bridge.on('mqtt.statusChanged', (status) => {
    if (status.clientName !== LAB_CLIENT_NAME) return;
    if (profileId !== null && status.profileId !== profileId) subscriptions.value = [];
    profileId = status.profileId;
  });

  async function subscribe(filter: string, qos: Qos): Promise<boolean> {
    const granted = await callInto(bridge, subscribeError, 'mqtt.subscribe', { clientName: LAB_CLIENT_NAME, filter, qos });
    if (!granted) return false;
    const entry = { filter: granted.filter, qos, grantedQos: granted.grantedQos };
    subscriptions.value = [...subscriptions.value.filter((item) => item.filter !== entry.filter), entry];
    return true;
  }

  async function unsubscribe(filter: string): Promise<boolean> {
    const done = await callInto(bridge, subscribeError, 'mqtt.unsubscribe', { clientName: LAB_CLIENT_NAME, filter });
    if (!done) return false;
    subscriptions.value = subscriptions.value.filter((item) => item.filter !== filter);
    return true;
  }

  async function publish(request: PublishRequest): Promise<boolean> {
    lastPublished.value = null;
    const sent = await callInto(bridge, publishError, 'mqtt.publish', { clientName: LAB_CLIENT_NAME, ...request });
    if (!sent) return false;
    lastPublished.value = { topic: request.topic, sizeBytes: sent.sizeBytes };
    return true;
  }

  function clearRecent(): void {
    recent.value = [];
  }

  return {
    recent,
    subscriptions,
    lastPublished,
    publishError,
    subscribeError,
    subscribe,
    unsubscribe,
    publish,
    clearRecent,
  };
});
