// Quick publish stays on the Explorer page (moved here from test/renderer/explorer.test.ts when the real explorer
// replaced the simple subscribe list): it sends what was typed and refuses wildcard topics.
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../../src-shared/contract/result';
import App from '../../../src-renderer/src/App.vue';
import { mountLab } from '../support/mount-lab';
import { explorerBridge } from './explorer-fakes';

enableAutoUnmount(afterEach);

function publishSection(wrapper: VueWrapper) {
  return wrapper.get('[aria-labelledby="quick-publish-title"]');
}

function publishButton(wrapper: VueWrapper) {
  return publishSection(wrapper).findAll('button').find((candidate) => candidate.text() === 'Publish')!;
}

describe('quick publish on the Explorer page', () => {
  it('sends mqtt.publish with the typed values and says it was published', async () => {
    const bridge = explorerBridge().handle('mqtt.publish', (input) => ok({ sizeBytes: input.payload.length }));
    const { wrapper } = await mountLab(App, { bridge });
    const section = publishSection(wrapper);
    await section.get('#publish-topic').setValue('lab/room1/temperature');
    await section.get('#publish-payload').setValue('21.5');
    await section.get('select').setValue('1');
    await section.get('#publish-retain').setValue(true);
    await publishButton(wrapper).trigger('click');
    await flushPromises();

    expect(bridge.invokesOf('mqtt.publish')).toEqual([
      { clientName: 'lab', topic: 'lab/room1/temperature', payload: '21.5', qos: 1, retain: true },
    ]);
    expect(section.text()).toContain('Published 4 bytes to "lab/room1/temperature".');
  });

  it('explains the wildcard while typing "a/+/b" and does not invoke on Publish', async () => {
    const bridge = explorerBridge();
    const { wrapper } = await mountLab(App, { bridge });
    const topic = publishSection(wrapper).get('#publish-topic');
    await topic.setValue('a/+/b');
    expect(publishSection(wrapper).text()).toContain(`Topic "a/+/b" contains '+': wildcards are for subscribing, not publishing.`);
    expect(topic.attributes('aria-invalid')).toBe('true');
    await publishButton(wrapper).trigger('click');
    await flushPromises();
    expect(bridge.invokesOf('mqtt.publish')).toEqual([]);
  });
});
