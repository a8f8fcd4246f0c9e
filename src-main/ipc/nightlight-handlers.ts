// Handlers for the nightlight.* commands: each calls the Nightlight service. Spread into createHandlers.
import type { HandlersFor } from '../../src-shared/contract/commands';
import type { nightlightCommands } from '../../src-shared/contract/nightlight';
import type { LabServices } from '../services/create-lab';

export function createNightlightHandlers(lab: LabServices) {
  const { nightlight } = lab;
  const done = { done: true as const };
  return {
    'nightlight.getState': async () => nightlight.snapshot(),
    'nightlight.updateDevice': async (patch) => nightlight.updateDevice(patch),
    'nightlight.resetDevice': async () => nightlight.resetDevice(),
    'nightlight.setLight': async ({ light }) => nightlight.setLight(light),
    'nightlight.setRandom': async (input) => nightlight.setRandom(input),
    'nightlight.setNetwork': async ({ up }) => nightlight.setNetwork(up),
    'nightlight.setPower': async ({ on }) => nightlight.setPower(on),
    'nightlight.clearQueue': async () => nightlight.clearQueue(),
    'nightlight.clearConsole': async ({ target }) => {
      nightlight.clearConsole(target);
      return done;
    },
    'nightlight.startServer': async () => nightlight.startServer(),
    'nightlight.stopServer': async () => nightlight.stopServer(),
    'nightlight.updateServer': async (patch) => nightlight.updateServer(patch),
    'nightlight.resetServer': async () => nightlight.resetServer(),
    'nightlight.clearHistory': async () => {
      nightlight.clearHistory();
      return done;
    },
    'nightlight.getCode': async ({ language, program }) => nightlight.getCode(language, program),
    'nightlight.getCounterfit': async () => nightlight.getCounterfit(),
  } satisfies HandlersFor<typeof nightlightCommands>;
}
