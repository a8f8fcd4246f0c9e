// Mounts a renderer component the way main.ts does (Pinia, i18n, router, bridge), with a FakeBridge and memory history.
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import type { Component } from 'vue';
import { createMemoryHistory } from 'vue-router';
import { bridgePlugin } from '../../../src-renderer/src/bridge';
import { createLabI18n } from '../../../src-renderer/src/i18n';
import { createLabRouter } from '../../../src-renderer/src/router';
import { FakeBridge } from './fake-bridge';

export async function mountLab(component: Component, options: { bridge?: FakeBridge; path?: string; locale?: 'en' | 'te' } = {}) {
  const bridge = options.bridge ?? new FakeBridge();
  const router = createLabRouter(createMemoryHistory());
  await router.push(options.path ?? '/explorer');
  await router.isReady();
  const wrapper = mount(component, {
    attachTo: document.body,
    global: { plugins: [createPinia(), createLabI18n(options.locale), router, bridgePlugin(bridge)] },
  });
  await flushPromises();
  return { wrapper, bridge, router };
}
