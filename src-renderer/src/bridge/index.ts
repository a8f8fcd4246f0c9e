// Picks the renderer's one way to the lab: window.lab from the Electron preload, else the WebSocket bridge,
// and hands it to the stores through Vue's provide/inject. Only stores may call useBridge().
import { inject, type InjectionKey, type Plugin } from 'vue';
import type { LabBridge } from '../../../src-shared/contract/commands';
import { takeHostToken } from './token';
import { bridgeUrl, createWsBridge } from './ws-bridge';

export type { HostLink, HostLinkInfo, HostLinkState, LinkedBridge } from './host-link';
export { hostLinkOf } from './host-link';

export const BRIDGE_KEY: InjectionKey<LabBridge> = Symbol('lab-bridge');

let browserBridge: LabBridge | null = null;

function preloadBridge(): LabBridge | undefined {
  // Not declared on Window on purpose: the preload owns that declaration.
  const candidate = (window as unknown as { lab?: LabBridge }).lab;
  return candidate && typeof candidate.invoke === 'function' ? candidate : undefined;
}

/** window.lab when the preload provided it (Electron), else one WebSocket bridge to the host that served this page. */
export function getBridge(): LabBridge {
  const fromPreload = preloadBridge();
  if (fromPreload) return fromPreload;
  if (!browserBridge) {
    const token = takeHostToken(window);
    browserBridge = createWsBridge({ url: bridgeUrl(window.location, token), hasToken: token !== null });
  }
  return browserBridge;
}

export function bridgePlugin(bridge: LabBridge): Plugin {
  return { install: (app) => void app.provide(BRIDGE_KEY, bridge) };
}

export function useBridge(): LabBridge {
  const bridge = inject(BRIDGE_KEY, null);
  if (!bridge) throw new Error('No LabBridge was provided: install bridgePlugin(getBridge()) before using the stores.');
  return bridge;
}
