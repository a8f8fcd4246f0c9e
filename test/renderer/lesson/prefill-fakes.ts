// A FakeBridge for the "Take me there" tests: the explorer's tiny tree, a nightlight that keeps its settings and light,
// and a lesson whose steps go where the real lesson sends them (targetOf from the main side's lesson-steps.ts).
import { ok } from '../../../src-shared/contract/result';
import type { DeviceState, ServerState } from '../../../src-shared/contract/nightlight';
import { ALL_STEP_IDS, targetOf } from '../../../src-main/services/lesson/lesson-steps';
import { explorerBridge } from '../explorer/explorer-fakes';
import { makeDeviceState, makeLessonState, makeNightlightSnapshot, makeServerState, type FakeBridge } from '../support/fake-bridge';

export function prefillBridge(): FakeBridge {
  let device = makeDeviceState({ light: 512 });
  let server = makeServerState();
  const lesson = makeLessonState();
  lesson.steps = lesson.steps.map((step) => ({ ...step, target: targetOf(step.id) }));
  return explorerBridge()
    .handle('lesson.getState', () => ok(lesson))
    .handle('nightlight.getState', () => ok(makeNightlightSnapshot({ device, server })))
    .handle('nightlight.getCode', ({ language, program }) => ok({ language, program, fileName: `${program}.${language}`, text: `# ${language}`, howToRun: '' }))
    .handle('nightlight.setLight', ({ light }) => ok((device = { ...device, light })))
    .handle('nightlight.updateDevice', (patch) => ok((device = { ...device, settings: { ...device.settings, ...patch } as DeviceState['settings'] })))
    .handle('nightlight.updateServer', (patch) => ok((server = { ...server, settings: { ...server.settings, ...patch } as ServerState['settings'] })));
}

/** Every step whose "Take me there" leaves the Lesson page, with its real target. */
export const STEP_TARGETS = ALL_STEP_IDS.map((id) => ({ id, target: targetOf(id) })).filter(({ target }) => target.route !== '/lesson');

/** The address a step's button opens, as the router writes it. */
export function addressOf(target: { route: string; prefill: Record<string, string> }): string {
  const query = new URLSearchParams(target.prefill).toString();
  return query ? `${target.route}?${query}` : target.route;
}
