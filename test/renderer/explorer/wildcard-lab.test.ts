// The wildcard lab: every topic marked match / no match with a level-by-level reason, validation in plain words,
// sample topics when the explorer has seen none, and the exercise check with feedback.
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import App from '../../../src-renderer/src/App.vue';
import { builtInExercises, checkExercise } from '../../../src-renderer/src/components/explorer/lab/exercises';
import { mountLab } from '../support/mount-lab';
import { explorerBridge, giveElementsASize, makeNode } from './explorer-fakes';

enableAutoUnmount(afterEach);
let restoreSize: () => void;
beforeEach(() => (restoreSize = giveElementsASize(2000)));
afterEach(() => restoreSize());

async function openLab(topics: string[]) {
  const bridge = explorerBridge({ children: { '': topics.map((topic) => makeNode(topic)) } });
  const mounted = await mountLab(App, { bridge });
  await mounted.wrapper.get('[role="tab"]#explorer-lab-tab').trigger('click');
  await flushPromises();
  return mounted;
}

function labRows(wrapper: VueWrapper) {
  return wrapper.findAll('[data-testid="lab-row"]').map((row) => ({
    topic: row.get('.topic').text(),
    mark: row.get('.mark').text(),
    why: row.find('.why').exists() ? row.get('.why').text() : '',
  }));
}

describe('wildcard lab', () => {
  it('marks each known topic and explains a match and a non-match level by level', async () => {
    const { wrapper } = await openLab(['home/livingroom/temperature', 'lab-test01/commands', 'lab-test01/telemetry', '$SYS/broker/uptime']);
    const input = wrapper.get<HTMLInputElement>('#wildcard-filter');
    await input.setValue('+/telemetry');
    const rows = labRows(wrapper);
    expect(rows.map((row) => [row.topic, row.mark])).toEqual([
      ['home/livingroom/temperature', '✗ no match'],
      ['lab-test01/commands', '✗ no match'],
      ['lab-test01/telemetry', '✓ match'],
      ['$SYS/broker/uptime', '✗ no match'],
    ]);
    expect(rows[2]!.why).toContain('+ matched lab-test01');
    expect(rows[1]!.why).toContain('level 2: telemetry ≠ commands');
    expect(rows[0]!.why).toContain('level 2: telemetry ≠ livingroom');
    expect(rows[3]!.why).toContain('$ topics are not matched by a filter starting with a wildcard');
    expect(wrapper.get('[data-testid="lab-summary"]').text()).toBe('1 of 4 topics match.');

    await input.setValue('home/#');
    expect(labRows(wrapper)[0]).toMatchObject({ mark: '✓ match', why: expect.stringContaining('# matched the remaining 2 levels') });
  });

  it('explains an invalid filter and a likely mistake in plain words, and matches nothing', async () => {
    const { wrapper } = await openLab(['home/kitchen/light']);
    const input = wrapper.get<HTMLInputElement>('#wildcard-filter');
    await input.setValue('home/#/light');
    expect(wrapper.get('[data-testid="lab-problem"]').text()).toContain("'#' matches everything below it, so it must be the last level");
    expect(input.attributes('aria-invalid')).toBe('true');
    expect(labRows(wrapper).every((row) => row.mark === '✗ no match')).toBe(true);

    await input.setValue('home/*');
    expect(wrapper.text()).toContain("'*' is not an MQTT wildcard: did you mean '+' (one level) or '#' (all levels below)?");
  });

  it('offers sample topics with the student id when the explorer has seen none', async () => {
    const { wrapper } = await openLab([]);
    await wrapper.get('[aria-label="Try lab-test01/#"]').trigger('click');
    expect(wrapper.text()).toContain('these are sample topics');
    const matched = labRows(wrapper).filter((row) => row.mark === '✓ match').map((row) => row.topic);
    expect(matched).toEqual(['lab-test01/telemetry', 'lab-test01/commands']);
  });
});

describe('exercises', () => {
  it('every built-in exercise is solved by its solution and not by a bare #', () => {
    for (const exercise of builtInExercises('lab-test01')) {
      expect({ id: exercise.id, solved: checkExercise(exercise.solution, exercise).solved }).toEqual({ id: exercise.id, solved: true });
      expect(checkExercise('#', exercise).solved).toBe(false);
    }
  });

  it('says which topics are wrong and why, then "Solved!" for a right answer', async () => {
    const { wrapper, bridge } = await openLab([]);
    const answer = wrapper.get<HTMLInputElement>('#exercise-filter');
    await answer.setValue('+/+');
    await wrapper.findAll('button').find((button) => button.text() === 'Check')!.trigger('click');
    const feedback = wrapper.get('[data-testid="exercise-feedback"]');
    expect(feedback.text()).toContain('Not yet: 2 topics are wrong.');
    expect(feedback.text()).toContain('lab-test01/commands: should not match, but does');
    expect(feedback.text()).toContain('other-student/telemetry: should not match, but does');

    await answer.setValue('lab-test01/telemetry');
    await wrapper.findAll('button').find((button) => button.text() === 'Check')!.trigger('click');
    expect(feedback.text()).toBe('Solved! lab-test01/telemetry matches every topic on the left and none on the right.');
    expect(wrapper.find('[aria-label="Exercise 1 (solved)"]').exists()).toBe(true);
    // The Lesson's wildcard step hears about it.
    expect(bridge.invokesOf('lesson.recordActivity')).toEqual([{ kind: 'explorer-exercise', id: 'telemetry' }]);
  });
});
