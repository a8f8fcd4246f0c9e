// Maps every contract command to the service method that does it. A missing or extra handler is a compile error.
// Core commands are here; each feature domain's handlers come from its own <domain>-handlers.ts.
import type { Handlers } from '../../src-shared/contract/commands';
import { LAB_CLIENT_NAME, type LabServices } from '../services/create-lab';
import { createBoardHandlers } from './board-handlers';
import { createExplorerHandlers } from './explorer-handlers';
import { createLessonHandlers } from './lesson-handlers';
import { createNightlightHandlers } from './nightlight-handlers';
import { createPlaygroundHandlers } from './playground-handlers';

export function createHandlers(lab: LabServices, info: { version: string; shell: 'electron' | 'browser' }) {
  const { broker, profiles, settings, clients } = lab;
  return {
    'app.getInfo': async () => ({ ...info, labClientName: LAB_CLIENT_NAME }),
    'broker.getStatus': async () => broker.getStatus(),
    'broker.restart': async () => broker.restart(),

    'profiles.list': async () => ({
      // The built-in profile shows the port the broker really uses (it moves when 1883 is taken).
      profiles: (await profiles.list()).map((profile) =>
        profile.kind === 'builtin' ? { ...profile, port: broker.getStatus().tcpPort ?? profile.port } : profile,
      ),
      activeProfileId: (await settings.get()).activeProfileId,
    }),
    'profiles.save': async (input) => profiles.save(input),
    'profiles.getSecretStorage': async () => profiles.secretStorage(),
    'profiles.delete': async ({ id }) => {
      await profiles.remove(id);
      return { done: true as const };
    },
    'connection.useProfile': async ({ profileId }) => lab.useProfile(profileId),

    'mqtt.listClients': async () => clients.list(),
    'mqtt.connect': async ({ clientName, profileId, clientId }) => lab.connectClient(clientName, profileId, clientId),
    'mqtt.disconnect': async ({ clientName }) => clients.disconnect(clientName),
    'mqtt.subscribe': async (input) => clients.subscribe(input.clientName, input.filter, input.qos),
    'mqtt.unsubscribe': async ({ clientName, filter }) => {
      await clients.unsubscribe(clientName, filter);
      return { done: true as const };
    },
    'mqtt.publish': async (input) => clients.publish(input),

    'settings.get': async () => settings.get(),
    'settings.update': async (patch) => settings.update(patch),
    ...createExplorerHandlers(lab),
    ...createPlaygroundHandlers(lab),
    ...createNightlightHandlers(lab),
    ...createBoardHandlers(lab),
    ...createLessonHandlers(lab),
  } satisfies Handlers;
}
