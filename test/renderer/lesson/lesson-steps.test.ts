// The Lesson page's steps (the whole app at /lesson with a fake bridge): every step is listed, a step shows what to do
// and takes the student to the lab, its check turns green when the lab says so, and hints open one at a time.
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LessonState, LessonStep } from '../../../src-shared/contract/lesson';
import App from '../../../src-renderer/src/App.vue';
import { FakeBridge, makeLessonState } from '../support/fake-bridge';
import { mountLab } from '../support/mount-lab';

enableAutoUnmount(afterEach);

function withStep(state: LessonState, id: LessonStep['id'], patch: Partial<LessonStep>): LessonState {
  return { ...state, steps: state.steps.map((step) => (step.id === id ? { ...step, ...patch } : step)) };
}

async function openLesson(bridge = new FakeBridge()) {
  const mounted = await mountLab(App, { bridge, path: '/lesson' });
  return mounted;
}

async function openStep(wrapper: VueWrapper, id: string): Promise<void> {
  await wrapper.get(`nav button[data-step="${id}"]`).trigger('click');
  await flushPromises();
}

function check(wrapper: VueWrapper) {
  return wrapper.get('[data-testid="lesson-check"]');
}

describe('lesson steps', () => {
  it('lists E1 to E6 and the concept steps, and opens a step with what to do and where to go', async () => {
    const { wrapper, router } = await openLesson();
    const entries = wrapper.findAll('nav button[data-step]').map((button) => button.attributes('data-step'));
    expect(entries.slice(0, 6)).toEqual(['E1', 'E2', 'E3', 'E4', 'E5', 'E6']);
    expect(entries).toContain('qos');
    expect(entries).toContain('security');
    expect(entries).toHaveLength(15);

    await openStep(wrapper, 'E2');
    const content = wrapper.get('[data-testid="lesson-content"]');
    expect(content.get('h2').text()).toBe('Step 2: Send light telemetry');
    // The student's own topic, shown as code so it can be typed exactly.
    expect(content.findAll('code').map((node) => node.text())).toContain('lab-test01/telemetry');
    expect(document.activeElement).toBe(content.get('h2').element);

    await wrapper.get('[data-testid="lesson-go"]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.path).toBe('/nightlight');
    // The Nightlight applied the step's prefill (section=device: the device gets the keyboard) and dropped it.
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({}));
    expect(document.activeElement?.id).toBe('nl-device-title');
  });

  it('turns a check green by itself when the lab reports the step passed', async () => {
    const bridge = new FakeBridge();
    const { wrapper } = await openLesson(bridge);
    await openStep(wrapper, 'E1');
    expect(check(wrapper).attributes('data-state')).toBe('not-started');
    expect(check(wrapper).text()).toContain('Not yet');

    const passed = withStep(makeLessonState(), 'E1', {
      state: 'passed',
      passedAtMs: 1,
      check: { code: 'e1-client-seen', params: { clientId: 'lab-test01nightlight_client' }, saw: '', expected: '' },
    });
    bridge.emit('lesson.progressChanged', passed);
    await flushPromises();
    expect(check(wrapper).attributes('data-state')).toBe('passed');
    expect(check(wrapper).text()).toContain('Passed');
    expect(check(wrapper).text()).toContain('The client lab-test01nightlight_client connected.');
    expect(wrapper.get('nav button[data-step="E1"]').attributes('data-state')).toBe('passed');
    expect(wrapper.get('[data-testid="lesson-progress"]').text()).toBe('1 of 15 steps done');
  });

  it('says what it saw and what the step needs when a check fails', async () => {
    const bridge = new FakeBridge();
    const failing = withStep(makeLessonState(), 'E4', {
      state: 'in-progress',
      check: {
        code: 'e4-wrong-topic',
        params: { telemetryTopic: 'abc/telemetry', topic: 'abc/command', commandTopic: 'abc/commands' },
        saw: '',
        expected: '',
      },
    });
    bridge.handle('lesson.getState', () => ({ ok: true, value: failing }));
    const { wrapper } = await openLesson(bridge);
    await openStep(wrapper, 'E4');
    const text = check(wrapper).text();
    expect(text).toContain('I see telemetry on abc/telemetry but your server answers on abc/command.');
    expect(text).toContain('The lesson uses abc/commands.');
    expect(check(wrapper).findAll('code').map((node) => node.text())).toEqual(['abc/telemetry', 'abc/command', 'abc/commands']);
  });

  it('opens hints one at a time, in order, until all are shown', async () => {
    const { wrapper } = await openLesson();
    await openStep(wrapper, 'E1');
    const hints = () => wrapper.get('[data-testid="lesson-hints"]').findAll('li');
    expect(hints()).toHaveLength(0);

    await wrapper.findAll('button').find((button) => button.text() === 'Show a hint')!.trigger('click');
    expect(hints()).toHaveLength(1);
    expect(hints()[0]!.text()).toContain('the device panel shows whether the device is connected');

    await wrapper.findAll('button').find((button) => button.text() === 'Show the next hint (1 of 2 shown)')!.trigger('click');
    expect(hints()).toHaveLength(2);
    expect(hints()[1]!.text()).toContain('lab-test01');
    expect(wrapper.text()).toContain('All 2 hints are shown.');
    expect(wrapper.findAll('button').some((button) => button.text().startsWith('Show the next hint'))).toBe(false);
  });

  it('lists what a concept step needs and ticks it off when the lab says it is done', async () => {
    const bridge = new FakeBridge();
    const { wrapper } = await openLesson(bridge);
    await openStep(wrapper, 'retained');
    expect(wrapper.get('.activities').text()).toContain('Experiment: retained messages');
    expect(wrapper.get('.activities').text()).toContain('(not yet)');

    const done = withStep(makeLessonState(), 'retained', {
      state: 'passed',
      passedAtMs: 5,
      activities: [{ kind: 'playground-experiment', id: 'retained', done: true }],
      check: { code: 'concept-passed', params: {}, saw: '', expected: '' },
    });
    bridge.emit('lesson.progressChanged', done);
    await flushPromises();
    expect(wrapper.get('.activities').text()).toContain('(done)');
    expect(check(wrapper).attributes('data-state')).toBe('passed');
  });
});
