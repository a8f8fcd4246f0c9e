// Explorer, first version (mounted in the whole app at /explorer): quick publish sends what was typed,
// refuses wildcard topics; subscribe lists the lab client's messages.
import { enableAutoUnmount, flushPromises, type DOMWrapper, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../src-shared/contract/result';
import type { ReceivedMessage } from '../../src-shared/contract/schemas';
import App from '../../src-renderer/src/App.vue';
import { FakeBridge } from './support/fake-bridge';
import { mountLab } from './support/mount-lab';

enableAutoUnmount(afterEach);

function byLabel(wrapper: VueWrapper, label: string): Omit<DOMWrapper<HTMLInputElement>, 'exists'> {
  const id = wrapper.findAll('label').find((candidate) => candidate.text() === label)?.attributes('for');
  if (!id) throw new Error(`No label "${label}"`);
  return wrapper.get<HTMLInputElement>(`#${id}`);
}

function button(wrapper: VueWrapper, name: string) {
  const found = wrapper.findAll('button').find((candidate) => candidate.text() === name);
  if (!found) throw new Error(`No button "${name}"`);
  return found;
}

function publishSection(wrapper: VueWrapper) {
  return wrapper.get('[aria-labelledby="quick-publish-title"]');
}

function message(overrides: Partial<ReceivedMessage>): ReceivedMessage {
  return {
    topic: 'lab/x',
    payloadText: 'hi',
    payloadBase64: 'aGk=',
    sizeBytes: 2,
    truncated: false,
    qos: 0,
    retain: false,
    receivedAtMs: Date.UTC(2025, 0, 1, 12, 30, 5),
    ...overrides,
  };
}

describe('quick publish', () => {
  it('sends mqtt.publish with the typed values and says it was published', async () => {
    const bridge = new FakeBridge().handle('mqtt.publish', (input) => ok({ sizeBytes: input.payload.length }));
    const { wrapper } = await mountLab(App, { bridge });
    const section = publishSection(wrapper);
    await byLabel(wrapper, 'Topic').setValue('lab/room1/temperature');
    await byLabel(wrapper, 'Payload').setValue('21.5');
    await section.get('select').setValue('1');
    await byLabel(wrapper, 'Retain').setValue(true);
    await button(wrapper, 'Publish').trigger('click');
    await flushPromises();

    expect(bridge.invokesOf('mqtt.publish')).toEqual([
      { clientName: 'lab', topic: 'lab/room1/temperature', payload: '21.5', qos: 1, retain: true },
    ]);
    expect(section.text()).toContain('Published 4 bytes to "lab/room1/temperature".');
  });

  it('explains the wildcard while typing "a/+/b" and does not invoke on Publish', async () => {
    const { wrapper, bridge } = await mountLab(App);
    const topic = byLabel(wrapper, 'Topic');
    await topic.setValue('a/+/b');
    const expected = `Topic "a/+/b" contains '+': wildcards are for subscribing, not publishing.`;
    expect(publishSection(wrapper).text()).toContain(expected);
    expect(topic.attributes('aria-invalid')).toBe('true');
    await button(wrapper, 'Publish').trigger('click');
    await flushPromises();
    expect(bridge.invokesOf('mqtt.publish')).toEqual([]);
  });

  it('shows the error the lab returns, e.g. when the lab client is not connected', async () => {
    const bridge = new FakeBridge().handle('mqtt.publish', () => ({
      ok: false,
      error: { code: 'NOT_CONNECTED', message: 'The lab is not connected to a broker, so nothing was sent.' },
    }));
    const { wrapper } = await mountLab(App, { bridge });
    await button(wrapper, 'Publish').trigger('click');
    await flushPromises();
    expect(publishSection(wrapper).get('[role="alert"]').text()).toBe('The lab is not connected to a broker, so nothing was sent.');
  });
});

describe('subscribe', () => {
  it("subscribes to '#' on the built-in broker and lists received text and binary messages", async () => {
    const bridge = new FakeBridge().handle('mqtt.subscribe', ({ filter }) => ok({ filter, grantedQos: 0 }));
    const { wrapper } = await mountLab(App, { bridge });
    expect(byLabel(wrapper, 'Topic filter').element.value).toBe('#');
    await button(wrapper, 'Subscribe').trigger('click');
    await flushPromises();
    expect(bridge.invokesOf('mqtt.subscribe')).toEqual([{ clientName: 'lab', filter: '#', qos: 0 }]);
    expect(wrapper.find('[aria-label="Unsubscribe from #"]').exists()).toBe(true);

    bridge.emit('mqtt.messagesReceived', {
      clientName: 'lab',
      messages: [
        message({ topic: 'lab/room1/temperature', payloadText: '21.5', retain: true, qos: 1 }),
        message({ topic: 'lab/camera', payloadText: null, payloadBase64: '/9j/', sizeBytes: 3 }),
      ],
    });
    bridge.emit('mqtt.messagesReceived', { clientName: 'explorer', messages: [message({ topic: 'not/mine' })] });
    await flushPromises();

    const rows = wrapper.findAll('[data-testid="message-row"]').map((row) => row.findAll('td').map((cell) => cell.text()));
    expect(rows).toHaveLength(2);
    expect(rows[0]?.slice(0, 4)).toEqual(['lab/camera', 'binary, 3 bytes', '0', 'no']);
    expect(rows[1]?.slice(0, 4)).toEqual(['lab/room1/temperature', '21.5', '1', 'yes']);
    expect(rows[1]?.[4]).toMatch(/\d{2}:\d{2}:\d{2}/);
  });

  it('explains an invalid filter without invoking', async () => {
    const { wrapper, bridge } = await mountLab(App);
    await byLabel(wrapper, 'Topic filter').setValue('lab/#/temp');
    expect(wrapper.text()).toContain("'#' matches everything below it");
    await button(wrapper, 'Subscribe').trigger('click');
    await flushPromises();
    expect(bridge.invokesOf('mqtt.subscribe')).toEqual([]);
  });
});
