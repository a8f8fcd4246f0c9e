// The one way stores call the bridge: every outcome becomes a Result, and failures land in the store's error ref.
// Components never see a rejected promise from here.
import type { Ref } from 'vue';
import type { CommandInput, CommandName, CommandOutput, LabBridge } from '../../../src-shared/contract/commands';
import { fail, type LabErrorInfo, type Result } from '../../../src-shared/contract/result';
import { errorText } from '../../../src-shared/i18n/error-text';

/** The lab's shared MQTT client: every screen's "the lab's broker". */
export const LAB_CLIENT_NAME = 'lab';

export async function invokeSafely<K extends CommandName>(
  bridge: LabBridge,
  name: K,
  input: CommandInput<K>,
): Promise<Result<CommandOutput<K>>> {
  try {
    return await bridge.invoke(name, input);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail('INTERNAL', errorText('errors.input.couldNotRun', { name, detail }));
  }
}

/** Run a command; on success clear the error and return the value, on failure set the error and return undefined. */
export async function callInto<K extends CommandName>(
  bridge: LabBridge,
  error: Ref<LabErrorInfo | null>,
  name: K,
  input: CommandInput<K>,
): Promise<CommandOutput<K> | undefined> {
  const result = await invokeSafely(bridge, name, input);
  if (result.ok) {
    error.value = null;
    return result.value;
  }
  error.value = result.error;
  return undefined;
}
