// Explains why a serial port could not be opened (or went away) in words a student can act on.
// Pure: it only reads error messages and codes; nothing here touches a port.
import type { SerialProblem } from '../../../src-shared/contract/board';
import { englishErrorMessage, errorText, type ErrorText } from '../../../src-shared/i18n/error-text';

export interface ExplainedSerialError {
  problem: SerialProblem;
  /** English (logs, tests); text is the same sentence as an `errors.*` key the UI translates. */
  message: string;
  text: ErrorText;
}

export const DIALOUT_FIX = 'sudo usermod -a -G dialout $USER';

function detailOf(error: unknown): string {
  if (error instanceof Error) return `${(error as NodeJS.ErrnoException).code ?? ''} ${error.message}`;
  return String(error);
}

export function classifySerialError(error: unknown, platform: NodeJS.Platform): SerialProblem {
  const detail = detailOf(error);
  if (/ENOENT|no such file|cannot find the file|file not found|not found|does not exist/i.test(detail)) return 'not-found';
  if (/EBUSY|busy|cannot lock|locked|temporarily unavailable|EAGAIN/i.test(detail)) return 'busy';
  // Windows says "Access denied" when another program has the COM port open.
  if (platform === 'win32' && /access (is )?denied/i.test(detail)) return 'busy';
  if (/EACCES|EPERM|permission denied|access (is )?denied|not permitted/i.test(detail)) return 'permission';
  return 'other';
}

export function explainSerialError(error: unknown, path: string, platform: NodeJS.Platform): ExplainedSerialError {
  const problem = classifySerialError(error, platform);
  const explained = (text: ErrorText): ExplainedSerialError => ({ problem, message: englishErrorMessage(text), text });
  switch (problem) {
    case 'not-found':
      return explained(errorText('errors.serial.notFound', { path }));
    case 'busy':
      return explained(errorText('errors.serial.busy', { path }));
    case 'permission':
      return explained(platform === 'linux' ? errorText('errors.serial.permissionLinux', { path, fix: DIALOUT_FIX }) : errorText('errors.serial.permission', { path }));
    default:
      return explained(errorText('errors.serial.other', { path, detail: error instanceof Error ? error.message : String(error) }));
  }
}

export function unpluggedText(path: string): ErrorText {
  return errorText('errors.serial.unplugged', { path });
}
