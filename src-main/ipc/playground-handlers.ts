// Handlers for the playground.* commands: each calls the Playground service. Spread into createHandlers.
import type { HandlersFor } from '../../src-shared/contract/commands';
import type { playgroundCommands } from '../../src-shared/contract/playground';
import type { LabServices } from '../services/create-lab';

const done = { done: true as const };

export function createPlaygroundHandlers(lab: LabServices) {
  const { playground } = lab;
  return {
    'playground.listClients': async () => playground.listClients(),
    'playground.addClient': async (settings) => playground.addClient(settings),
    'playground.removeClient': async ({ clientKey }) => {
      await playground.removeClient(clientKey);
      return done;
    },
    'playground.updateClient': async ({ clientKey, ...patch }) => playground.updateClient(clientKey, patch),
    'playground.connect': async ({ clientKey, target }) => playground.connect(clientKey, target),
    'playground.disconnect': async ({ clientKey }) => playground.disconnect(clientKey),
    'playground.publish': async ({ clientKey, payloadFormat: _format, ...request }) => playground.publish(clientKey, request),
    'playground.subscribe': async ({ clientKey, filter, qos }) => playground.subscribe(clientKey, filter, qos),
    'playground.unsubscribe': async ({ clientKey, filter }) => {
      await playground.unsubscribe(clientKey, filter);
      return done;
    },
    'playground.injectFault': async ({ clientKey, fault }) => playground.injectFault(clientKey, fault),
    'playground.listPackets': async () => playground.listPackets(),
    'playground.clearPackets': async () => {
      playground.clearPackets();
      return done;
    },
    'playground.pauseCapture': async ({ paused }) => playground.pauseCapture(paused),
    'playground.exportPackets': async () => playground.exportPackets(),
    'playground.listExperiments': async () => playground.listExperiments(),
    'playground.runExperiment': async ({ experimentId, target }) => playground.runExperiment(experimentId, target),
  } satisfies HandlersFor<typeof playgroundCommands>;
}
