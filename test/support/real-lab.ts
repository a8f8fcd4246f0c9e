// The whole lab (real built-in broker in a worker run with tsx, nightlight, playground, board) on a data folder,
// reached through the dispatcher exactly as the UI reaches it. Shared by tests that need the real thing. Not a test file.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandInput, CommandName, CommandOutput } from '../../src-shared/contract/commands';
import type { LabErrorInfo } from '../../src-shared/contract/result';
import { createDispatcher } from '../../src-main/ipc/dispatcher';
import { createHandlers } from '../../src-main/ipc/handlers';
import { silentLogger } from '../../src-main/lib/logger';
import { createNodeBrokerFork } from '../../src-main/services/broker/node-fork';
import { createLab, type LabServices } from '../../src-main/services/create-lab';
import { PlainSecretStore } from '../../src-main/services/profiles/secret-store';

const WORKER_SOURCE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src-main/services/broker/broker-worker.ts');

export type Call = <K extends CommandName>(name: K, input: CommandInput<K>) => Promise<CommandOutput<K>>;

export interface RealLab {
  lab: LabServices;
  /** Runs a command; throws with the lab's message when it fails. */
  call: Call;
  /** The error a command failed with (throws when it succeeded). */
  failure: <K extends CommandName>(name: K, input: CommandInput<K>) => Promise<LabErrorInfo>;
}

/** Creates the lab on `dataDir` with every port ephemeral, sets the student's ID, and starts it (`beforeStart` runs just before). */
export async function startRealLab(
  dataDir: string,
  studentId: string,
  options: { brokerLanHost?: string; beforeStart?: (lab: LabServices) => void } = {},
): Promise<RealLab> {
  const { beforeStart, ...labOptions } = options;
  const lab = await createLab({
    dataDir,
    forkBrokerWorker: createNodeBrokerFork(WORKER_SOURCE, ['--import', 'tsx']),
    secretStore: new PlainSecretStore(),
    logger: silentLogger,
    brokerTcpPort: 0,
    brokerWsPort: 0,
    counterfitPort: 0,
    ...labOptions,
  });
  await lab.settings.update({ studentId });
  const dispatch = createDispatcher(createHandlers(lab, { version: 'test', shell: 'browser' }), silentLogger);
  const call: Call = async (name, input) => {
    const result = await dispatch(name, input);
    if (!result.ok) throw new Error(`${name} failed: ${result.error.message}`);
    return result.value as CommandOutput<typeof name>;
  };
  const failure: RealLab['failure'] = async (name, input) => {
    const result = await dispatch(name, input);
    if (result.ok) throw new Error(`${name} succeeded but should have failed`);
    return result.error;
  };
  beforeStart?.(lab);
  await lab.start();
  return { lab, call, failure };
}
