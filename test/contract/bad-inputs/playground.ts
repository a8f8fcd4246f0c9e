// One bad input per playground.* command and the field its INVALID_INPUT error must name (see dispatcher-contract.test.ts).
import type { playgroundCommands } from '../../../src-shared/contract/playground';

export const playgroundBadInputs: Record<keyof typeof playgroundCommands, { input: unknown; field: string }> = {
  'playground.listClients': { input: { extra: 1 }, field: 'extra' },
  'playground.addClient': { input: { keepaliveSeconds: -5 }, field: 'keepaliveSeconds' },
  'playground.removeClient': { input: { clientKey: 'Publisher!' }, field: 'clientKey' },
  'playground.updateClient': {
    input: { clientKey: 'publisher', will: { topic: 'status/#', payload: 'offline', qos: 1, retain: false } },
    field: 'will.topic',
  },
  'playground.connect': { input: { clientKey: 'publisher', target: 'the-internet' }, field: 'target' },
  'playground.disconnect': { input: {}, field: 'clientKey' },
  'playground.publish': { input: { clientKey: 'publisher', topic: 'lab/+/temp', payload: 'x' }, field: 'topic' },
  'playground.subscribe': { input: { clientKey: 'subscriber', filter: 'lab/#', qos: 3 }, field: 'qos' },
  'playground.unsubscribe': { input: { clientKey: 'subscriber', filter: 'lab/#/x' }, field: 'filter' },
  'playground.injectFault': { input: { clientKey: 'publisher', fault: { kind: 'drop', direction: 'toBroker', count: 0 } }, field: 'fault.count' },
  'playground.listPackets': { input: { extra: 1 }, field: 'extra' },
  'playground.clearPackets': { input: { extra: 1 }, field: 'extra' },
  'playground.pauseCapture': { input: { paused: 'yes' }, field: 'paused' },
  'playground.exportPackets': { input: { extra: 1 }, field: 'extra' },
  'playground.listExperiments': { input: { extra: 1 }, field: 'extra' },
  'playground.runExperiment': { input: { experimentId: 'qos3-magic' }, field: 'experimentId' },
};
