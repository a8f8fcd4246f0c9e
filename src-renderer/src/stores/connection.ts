// Broker profiles, which one is active, and the lab client's live status (mqtt.statusChanged for 'lab').
// Saving never keeps a password here: the main side answers with hasPassword only.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { LabErrorInfo } from '../../../src-shared/contract/result';
import type { BrokerProfile, ClientStatus, ProfileInput } from '../../../src-shared/contract/schemas';
import type { SecretStorage } from '../../../src-shared/contract/secrets';
import { useBridge } from '../bridge';
import { callInto, LAB_CLIENT_NAME } from './bridge-call';

export const useConnectionStore = defineStore('connection', () => {
  const bridge = useBridge();
  const profiles = ref<BrokerProfile[]>([]);
  const activeProfileId = ref('builtin');
  const labStatus = ref<ClientStatus | null>(null);
  const error = ref<LabErrorInfo | null>(null);
  const busy = ref(false);
  /** Where saved passwords go; null until known (the dialog then asks nothing, and the main side still refuses). */
  const secretStorage = ref<SecretStorage | null>(null);

  const activeProfile = computed(() => profiles.value.find((profile) => profile.id === activeProfileId.value) ?? null);

  bridge.on('mqtt.statusChanged', (status) => {
    if (status.clientName === LAB_CLIENT_NAME) labStatus.value = status;
  });
  bridge.on('profiles.changed', ({ activeProfileId: id }) => {
    activeProfileId.value = id;
  });

  async function whileBusy<T>(work: () => Promise<T>): Promise<T> {
    busy.value = true;
    try {
      return await work();
    } finally {
      busy.value = false;
    }
  }

  async function load(): Promise<void> {
    const list = await callInto(bridge, error, 'profiles.list', {});
    if (list) {
      profiles.value = list.profiles;
      activeProfileId.value = list.activeProfileId;
    }
    const storage = await bridge.invoke('profiles.getSecretStorage', {});
    if (storage.ok) secretStorage.value = storage.value;
    const clients = await callInto(bridge, error, 'mqtt.listClients', {});
    const lab = clients?.find((client) => client.clientName === LAB_CLIENT_NAME);
    if (lab) labStatus.value = lab;
  }

  /** Make a profile the lab's broker. True when the main side accepted it (connecting happens after). */
  function useProfile(profileId: string): Promise<boolean> {
    return whileBusy(async () => {
      const status = await callInto(bridge, error, 'connection.useProfile', { profileId });
      if (!status) return false;
      activeProfileId.value = profileId;
      labStatus.value = status;
      return true;
    });
  }

  /** Save a custom profile; the saved profile, or null with `error` set (error.field names the field at fault). */
  function saveProfile(input: ProfileInput): Promise<BrokerProfile | null> {
    return whileBusy(async () => {
      const saved = await callInto(bridge, error, 'profiles.save', input);
      if (!saved) return null;
      const index = profiles.value.findIndex((profile) => profile.id === saved.id);
      if (index >= 0) profiles.value.splice(index, 1, saved);
      else profiles.value.push(saved);
      return saved;
    });
  }

  function deleteProfile(id: string): Promise<boolean> {
    return whileBusy(async () => {
      const done = await callInto(bridge, error, 'profiles.delete', { id });
      if (!done) return false;
      profiles.value = profiles.value.filter((profile) => profile.id !== id);
      return true;
    });
  }

  function clearError(): void {
    error.value = null;
  }

  return {
    profiles,
    activeProfileId,
    activeProfile,
    labStatus,
    error,
    busy,
    secretStorage,
    load,
    useProfile,
    saveProfile,
    deleteProfile,
    clearError,
  };
});
