// Publishing through the lab client (the Explorer's quick publish form): the last message sent and the error of the
// last try. Receiving is the Explorer's business (explorer.* events), not this store's.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { LabErrorInfo } from '../../../src-shared/contract/result';
import type { Qos } from '../../../src-shared/contract/schemas';
import { useBridge } from '../bridge';
import { callInto, LAB_CLIENT_NAME } from './bridge-call';

export interface PublishRequest {
  topic: string;
  payload: string;
  qos: Qos;
  retain: boolean;
}

export const useMessagesStore = defineStore('messages', () => {
  const bridge = useBridge();
  const lastPublished = ref<{ topic: string; sizeBytes: number } | null>(null);
  const publishError = ref<LabErrorInfo | null>(null);

  async function publish(request: PublishRequest): Promise<boolean> {
    lastPublished.value = null;
    const sent = await callInto(bridge, publishError, 'mqtt.publish', { clientName: LAB_CLIENT_NAME, ...request });
    if (!sent) return false;
    lastPublished.value = { topic: request.topic, sizeBytes: sent.sizeBytes };
    return true;
  }

  return { lastPublished, publishError, publish };
});
