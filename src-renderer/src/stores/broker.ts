// The built-in broker's status (ports, restarts) kept current from broker.statusChanged.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { LabErrorInfo } from '../../../src-shared/contract/result';
import type { BrokerStatus } from '../../../src-shared/contract/schemas';
import { useBridge } from '../bridge';
import { callInto } from './bridge-call';

export const useBrokerStore = defineStore('broker', () => {
  const bridge = useBridge();
  const status = ref<BrokerStatus | null>(null);
  const error = ref<LabErrorInfo | null>(null);

  bridge.on('broker.statusChanged', (next) => {
    status.value = next;
  });

  async function load(): Promise<void> {
    const value = await callInto(bridge, error, 'broker.getStatus', {});
    if (value) status.value = value;
  }

  async function restart(): Promise<void> {
    const value = await callInto(bridge, error, 'broker.restart', {});
    if (value) status.value = value;
  }

  return { status, error, load, restart };
});
