// The Explorer follows the student picked in the Lesson's profile bar: the exercise topics, the wildcard lab's
// examples and the public broker's "<ID>/#" offer use the new ID (the lab says so in explorer.statusChanged).
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../../../src-shared/contract/result';
import App from '../../../src-renderer/src/App.vue';
import { makeLessonState, makeNightlightSnapshot } from '../support/fake-bridge';
import { mountLab } from '../support/mount-lab';
import { explorerBridge, giveElementsASize, makeState } from './explorer-fakes';

enableAutoUnmount(afterEach);
let restoreSize: () => void;
beforeEach(() => (restoreSize = giveElementsASize(2000)));
afterEach(() => restoreSize());

/** The topics of the open exercise: "should match" then "should not match". */
function exerciseTopics(wrapper: VueWrapper): string[] {
  return wrapper.get('[aria-labelledby="exercises-title"]').findAll('.sets li').map((item) => item.text());
}

describe('a new student in the Lesson', () => {
  it('moves the exercises, the lab examples and the public broker offer to the new ID', async () => {
    const publicStatus = makeState({ profileKind: 'public', profileId: 'mosquitto-plain', defaultFilter: 'lab-test01/#', subscriptions: [] }).status;
    const asha = makeLessonState();
    const ravi = makeLessonState({
      activeProfileId: 'p-ravi',
      studentId: 'lab-ravi02',
      profiles: [...asha.profiles, { id: 'p-ravi', name: 'Ravi', studentId: 'lab-ravi02', createdAtMs: 0, updatedAtMs: 0, passedCount: 0, stepCount: 15 }],
    });
    const bridge = explorerBridge({ state: { ...makeState(), status: publicStatus } });
    bridge.handle('lesson.getState', () => ok({ ...asha, profiles: ravi.profiles }));
    bridge.handle('lesson.selectProfile', () => {
      // What the lab does: the lab's ID becomes Ravi's, and the explorer says so.
      bridge.emit('explorer.statusChanged', { ...publicStatus, studentId: 'lab-ravi02', defaultFilter: 'lab-ravi02/#' });
      return ok(ravi);
    });
    bridge.handle('nightlight.updateDevice', () => ok(makeNightlightSnapshot().device));
    bridge.handle('nightlight.updateServer', () => ok(makeNightlightSnapshot().server));
    const { wrapper, router } = await mountLab(App, { bridge });
    await wrapper.get('[role="tab"]#explorer-lab-tab').trigger('click');
    await flushPromises();
    expect(exerciseTopics(wrapper)).toEqual(['lab-test01/telemetry', 'lab-test01/commands', 'other-student/telemetry']);

    await router.push('/lesson');
    await flushPromises();
    await wrapper.get('#lesson-profile').setValue('p-ravi');
    await flushPromises();
    await router.push('/explorer');
    await flushPromises();
    await wrapper.get('[role="tab"]#explorer-lab-tab').trigger('click');
    await flushPromises();

    expect(exerciseTopics(wrapper)).toEqual(['lab-ravi02/telemetry', 'lab-ravi02/commands', 'other-student/telemetry']);
    expect(wrapper.find('[aria-label="Try lab-ravi02/#"]').exists()).toBe(true);
    await wrapper.get('[role="tab"]#explorer-topics-tab').trigger('click');
    await flushPromises();
    await wrapper.get('#explorer-filter').setValue('#');
    const offer = wrapper.get('[data-testid="public-wildcard-explain"]').findAll('button').map((button) => button.text());
    expect(offer).toContain('Listen to lab-ravi02/# instead');
  });
});
