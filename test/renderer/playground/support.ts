// Shared helpers for the Playground renderer tests: mount the whole app at /playground with a FakeBridge.
import type { VueWrapper } from '@vue/test-utils';
import { ok } from '../../../src-shared/contract/result';
import type { LogEntry, PlaygroundClient } from '../../../src-shared/contract/playground';
import App from '../../../src-renderer/src/App.vue';
import { FakeBridge, makePlaygroundClient } from '../support/fake-bridge';
import { mountLab } from '../support/mount-lab';

export const THREE_CLIENTS: PlaygroundClient[] = [
  makePlaygroundClient({ key: 'publisher', name: 'Publisher', state: 'connected' }),
  makePlaygroundClient({ key: 'subscriber', name: 'Subscriber', state: 'connected' }),
  makePlaygroundClient({ key: 'late-subscriber', name: 'Late subscriber' }),
];

export function playgroundBridge(options: { clients?: PlaygroundClient[]; entries?: LogEntry[] } = {}): FakeBridge {
  const clients = options.clients ?? THREE_CLIENTS;
  return new FakeBridge()
    .handle('playground.listClients', () => ok(clients))
    .handle('playground.listPackets', () => ok({ entries: options.entries ?? [], paused: false }));
}

export function mountPlayground(bridge: FakeBridge) {
  return mountLab(App, { bridge, path: '/playground' });
}

export function buttonNamed(wrapper: VueWrapper, name: string) {
  const found = wrapper.findAll('button').find((candidate) => (candidate.attributes('aria-label') ?? candidate.text()) === name);
  if (!found) throw new Error(`No button "${name}"`);
  return found;
}

export function card(wrapper: VueWrapper, name: string) {
  return wrapper.get(`[aria-label="Client ${name}"]`);
}
