// The teacher types a bad student ID in Board > LAN class: the error shows once (not as the help line and again as an
// alert), speaks of "a student's ID" (not "Your ID"), and does so in Telugu too. The input goes through the real
// dispatcher and contract schema, so the words are the ones the main side really sends.
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../src-main/ipc/dispatcher';
import { silentLogger } from '../../../src-main/lib/logger';
import type { Handlers } from '../../../src-shared/contract/commands';
import type { Result } from '../../../src-shared/contract/result';
import { ok } from '../../../src-shared/contract/result';
import App from '../../../src-renderer/src/App.vue';
import { FakeBridge, makeBoardSnapshot, makeLanStatus } from '../support/fake-bridge';
import { mountLab } from '../support/mount-lab';

enableAutoUnmount(afterEach);
// Mounting the whole app (so the page takes the saved language) takes seconds on a busy machine.


const neverCalled = new Proxy({} as Handlers, {
  get: (_target, name) => () => {
    throw new Error(`handler ${String(name)} must not run for a bad student ID`);
  },
});
const dispatch = createDispatcher(neverCalled, silentLogger);

async function typeBadId(locale: 'en' | 'te') {
  const bridge = new FakeBridge()
    .handle('settings.get', () => ok({ locale, activeProfileId: 'builtin', studentId: 'lab-test01' }))
    .handle('board.getState', () => ok(makeBoardSnapshot({ lan: makeLanStatus({ enabled: true, state: 'on', port: 1883 }) })))
    .handle('board.addLanStudent', (input) => dispatch('board.addLanStudent', input) as Promise<Result<never>>);
  const { wrapper } = await mountLab(App, { bridge, path: '/board' });
  const panel = wrapper.get('[data-testid="lan-class"]');
  await panel.get('#board-lan-student-id').setValue('ravi kumar/1');
  await panel.get('form').trigger('submit');
  await flushPromises();
  return panel;
}

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

describe('a bad student ID in the LAN class panel', { timeout: 30_000 }, () => {
  it('shows one error, worded for the teacher, tied to the field', async () => {
    const panel = await typeBadId('en');
    const error = panel.get('[data-testid="lan-student-id-error"]');
    expect(error.text()).toBe('A student\'s ID uses 3 to 32 letters, digits, - or _, with no spaces or slashes, like "lab-4k2x9q".');
    expect(error.attributes('role')).toBe('alert');
    expect(panel.findAll('[role="alert"]')).toHaveLength(1);
    expect(count(panel.text(), '3 to 32 letters, digits, - or _, with no')).toBe(1);
    expect(panel.text()).not.toContain('Your ID');
    const input = panel.get('#board-lan-student-id');
    expect(input.attributes('aria-invalid')).toBe('true');
    expect(input.attributes('aria-describedby')).toBe(error.attributes('id'));
    // What was typed stays, to be corrected.
    expect((input.element as HTMLInputElement).value).toBe('ravi kumar/1');
  });

  it('says it once in Telugu, about the student, not "మీ ID"', async () => {
    const panel = await typeBadId('te');
    const error = panel.get('[data-testid="lan-student-id-error"]');
    expect(error.text()).toContain('విద్యార్థి ID లో 3 నుండి 32 అక్షరాలు');
    expect(panel.findAll('[role="alert"]')).toHaveLength(1);
    expect(count(panel.text(), '3 నుండి 32')).toBe(1);
    expect(panel.text()).not.toContain('మీ ID');
  });
});
