// The teacher's class panel on the Board page (mounted with a FakeBridge): while a class change is on its way, every
// button that changes the class is disabled, so a double-clicked Add sends one request and shows one password.
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { LanStudentLogin } from '../../../src-shared/contract/board';
import { ok } from '../../../src-shared/contract/result';
import BoardView from '../../../src-renderer/src/views/BoardView.vue';
import { FakeBridge, makeBoardSnapshot, makeLanStatus } from '../support/fake-bridge';
import { mountLab } from '../support/mount-lab';

enableAutoUnmount(afterEach);

const alpha = { id: 'alpha', addedAtMs: 1, blocked: false };
const lanOn = makeLanStatus({ enabled: true, state: 'on', port: 1883, students: [alpha] });

function loginFor(id: string): LanStudentLogin {
  const student = { id, addedAtMs: 2, blocked: false };
  return {
    student,
    username: id,
    password: 'Pw3456789abcdefg',
    config: { brokerAddress: '192.168.1.20', port: 1883, configH: `const string ID = "${id}";`, connectLines: '', warnings: [] },
    lan: { ...lanOn, students: [alpha, student] },
  };
}

describe('LAN class panel', () => {
  it('disables Add, New password and Remove until the answer comes, so a double click sends one request', async () => {
    let answer: (value: ReturnType<typeof ok<LanStudentLogin>>) => void = () => {};
    const bridge = new FakeBridge()
      .handle('board.getState', () => ok(makeBoardSnapshot({ lan: lanOn })))
      .handle('board.addLanStudent', () => new Promise((resolve) => (answer = resolve)));
    const { wrapper } = await mountLab(BoardView, { bridge, path: '/board' });
    const panel = wrapper.get('[data-testid="lan-class"]');
    await panel.get('#board-lan-student-id').setValue('bravo');
    const add = panel.findAll('button').find((button) => button.text() === 'Add student')!;

    await panel.get('form').trigger('submit');
    await panel.get('form').trigger('submit');
    await flushPromises();
    expect(bridge.invokesOf('board.addLanStudent')).toEqual([{ studentId: 'bravo' }]);
    expect(add.attributes('disabled')).toBeDefined();
    expect(panel.get('[aria-label="Make a new password for alpha"]').attributes('disabled')).toBeDefined();
    expect(panel.get('[aria-label="Remove student alpha"]').attributes('disabled')).toBeDefined();

    answer(ok(loginFor('bravo')));
    await flushPromises();
    expect(add.attributes('disabled')).toBeUndefined();
    expect(panel.get('[aria-label="Remove student bravo"]').attributes('disabled')).toBeUndefined();
    expect(panel.get('[data-testid="lan-student-password"]').text()).toContain('Pw3456789abcdefg');
  });

  it('says which client ids a student board may use', async () => {
    const bridge = new FakeBridge().handle('board.getState', () => ok(makeBoardSnapshot({ lan: lanOn })));
    const { wrapper } = await mountLab(BoardView, { bridge, path: '/board' });
    const help = wrapper.get('[data-testid="lan-client-id-help"]').text();
    expect(help).toContain('<ID>nightlight_client');
    expect(help).toContain('<ID>.laptop');
    expect(help).toContain('rc=2');
  });
});
