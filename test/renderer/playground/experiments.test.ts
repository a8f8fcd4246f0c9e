// One-click experiments: Run sends the chosen experiment and broker, shows its steps while it runs (one at a time),
// then expected and observed side by side with the reason; a different outcome says so and shows the run's reason.
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExperimentInfo, ExperimentResult } from '../../../src-shared/contract/playground';
import { ok, type Result } from '../../../src-shared/contract/result';
import { makeProfile } from '../support/fake-bridge';
import { buttonNamed, mountPlayground, playgroundBridge } from './support';

enableAutoUnmount(afterEach);

const INFOS: ExperimentInfo[] = [
  ['qos0-loss', 'QoS 0'],
  ['qos1-lost-puback', 'QoS 1'],
  ['qos2-loss', 'QoS 2'],
  ['retained', 'Retained'],
  ['persistent-session', 'Session'],
  ['keepalive-will', 'Will'],
].map(([id, title], index) => ({ id, number: index + 1, title, explanation: '', expected: '', estimatedSeconds: 5 }) as ExperimentInfo);

function result(overrides: Partial<ExperimentResult> = {}): ExperimentResult {
  return {
    runId: 'run-1',
    experimentId: 'qos1-lost-puback',
    target: 'builtin',
    brokerUrl: 'mqtt://127.0.0.1:1883',
    outcome: 'asExpected',
    expected: 'The publisher resends with dup=1.',
    observed: 'The publisher sent the PUBLISH again with dup=1 after 1.2 s; the subscriber got it 2 times.',
    explanation: 'QoS 1 is at least once.',
    measurements: { subscriberCopies: 2 },
    durationMs: 3400,
    ...overrides,
  };
}

function deferred() {
  let resolve!: (value: Result<ExperimentResult>) => void;
  const promise = new Promise<Result<ExperimentResult>>((done) => (resolve = done));
  return { promise, resolve };
}

describe('experiments', () => {
  it('runs experiment 2, shows its progress, then expected versus observed and why', async () => {
    const run = deferred();
    const bridge = playgroundBridge()
      .handle('playground.listExperiments', () => ok(INFOS))
      .handle('playground.runExperiment', () => run.promise);
    const { wrapper } = await mountPlayground(bridge);
    expect(wrapper.text()).toContain('QoS 1 when the PUBACK is lost');
    expect(wrapper.text()).toContain("Send at QoS 1 and lose the broker's reply.");

    await buttonNamed(wrapper, 'Run experiment 2: QoS 1 when the PUBACK is lost').trigger('click');
    await flushPromises();
    expect(bridge.invokesOf('playground.runExperiment')).toEqual([{ experimentId: 'qos1-lost-puback', target: 'builtin' }]);
    // One at a time: every Run button waits.
    expect(buttonNamed(wrapper, 'Run experiment 5: Persistent session').attributes('disabled')).toBeDefined();

    bridge.emit('playground.experimentProgressed', {
      runId: 'run-1', experimentId: 'qos1-lost-puback', state: 'running', step: 2, totalSteps: 4, text: 'Dropping the next PUBACK to the publisher',
    });
    await flushPromises();
    const progress = wrapper.get('[data-testid="experiment-progress"]');
    expect(progress.text()).toContain('What happens: The Publisher sends a QoS 1 message');
    expect(progress.get('[data-testid="experiment-step"]').text()).toBe('Step 2 of 4: Dropping the next PUBACK to the publisher');
    expect(progress.get('progress').attributes('value')).toBe('2');

    run.resolve(ok(result()));
    await flushPromises();
    const shown = wrapper.get('[data-testid="experiment-result"]');
    expect(shown.attributes('aria-label')).toBe('Experiment 2: QoS 1 when the PUBACK is lost');
    expect(shown.get('[data-testid="verdict"]').text()).toContain('It happened as expected.');
    expect(shown.get('[data-testid="expected"] p').text()).toBe(
      'The Publisher never got its PUBACK, so it sends the message again with dup=1. The broker cannot tell it is the same message, so the Subscriber may see it twice.',
    );
    expect(shown.get('[data-testid="observed"] h4').text()).toBe('Observed');
    expect(shown.get('[data-testid="observed"] p').text()).toBe(
      'The publisher sent the PUBLISH again with dup=1 after 1.2 s; the subscriber got it 2 times.',
    );
    expect(shown.text()).toContain('QoS 1 is at least once.');
    expect(wrapper.find('[data-testid="experiment-progress"]').exists()).toBe(false);
    expect(buttonNamed(wrapper, 'Run experiment 5: Persistent session').attributes('disabled')).toBeUndefined();
  });

  it('says so when the broker behaved otherwise, with the run\'s own reason', async () => {
    const bridge = playgroundBridge().handle('playground.runExperiment', () =>
      ok(result({ experimentId: 'qos2-loss', outcome: 'different', observed: 'The subscriber got it twice.', explanation: 'This broker does not keep QoS 2 state.' })),
    );
    const { wrapper } = await mountPlayground(bridge);
    await buttonNamed(wrapper, 'Run experiment 3: QoS 2 under packet loss').trigger('click');
    await flushPromises();
    const shown = wrapper.get('[data-testid="experiment-result"]');
    expect(shown.text()).toContain('The broker did something else.');
    expect(shown.get('[data-testid="observed"]').text()).toContain('The subscriber got it twice.');
    expect(shown.text()).toContain('This broker does not keep QoS 2 state.');
  });

  it("runs against the lab's broker only when that is an outside broker", async () => {
    const bridge = playgroundBridge()
      .handle('profiles.list', () => ok({ profiles: [makeProfile(), makeProfile({ id: 'school', name: 'School Pi', kind: 'custom' })], activeProfileId: 'school' }))
      .handle('playground.runExperiment', () => ok(result({ experimentId: 'retained', target: 'active-profile' })));
    const { wrapper } = await mountPlayground(bridge);
    const picker = wrapper.get<HTMLSelectElement>('#pg-target');
    expect(picker.findAll('option').map((option) => option.text())).toEqual(['The built-in broker', 'The lab broker: School Pi']);
    await picker.setValue('active-profile');
    await buttonNamed(wrapper, 'Run experiment 4: Retained message').trigger('click');
    await flushPromises();
    expect(bridge.invokesOf('playground.runExperiment')).toEqual([{ experimentId: 'retained', target: 'active-profile' }]);
  });

  it('shows why an experiment could not start', async () => {
    const bridge = playgroundBridge().handle('playground.runExperiment', () => ({
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'Another experiment is still running. Wait for it to finish.' },
    }));
    const { wrapper } = await mountPlayground(bridge);
    await buttonNamed(wrapper, 'Run experiment 1: QoS 0 under packet loss').trigger('click');
    await flushPromises();
    expect(wrapper.get('[aria-labelledby="experiments-title"] [role="alert"]').text()).toBe('Another experiment is still running. Wait for it to finish.');
  });
});
