// Explains why a serial port could not be opened (or went away) in words a student can act on.
// Pure: it only reads error messages and codes; nothing here touches a port.
import type { SerialProblem } from '../../../src-shared/contract/board';

export interface ExplainedSerialError {
  problem: SerialProblem;
  message: string;
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
  switch (problem) {
    case 'not-found':
      return {
        problem,
        message: `There is no port called "${path}" right now. Check that the board is plugged in (some USB cables only charge and carry no data), or pick a port from the list.`,
      };
    case 'busy':
      return {
        problem,
        message: `Another program is using ${path} right now, most likely the Arduino IDE's Serial Monitor or Serial Plotter (or an upload in progress). Close it there, then connect again. Only one program at a time can use a serial port.`,
      };
    case 'permission':
      return { problem, message: permissionMessage(path, platform) };
    default:
      return { problem, message: `MQTT Lab could not open ${path}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function permissionMessage(path: string, platform: NodeJS.Platform): string {
  if (platform === 'linux') {
    return `Linux did not let MQTT Lab open ${path} (permission denied): your user is not in the "dialout" group that may use serial ports. Run this once in a terminal: ${DIALOUT_FIX} — then log out and log back in (or restart the computer), and connect again.`;
  }
  return `The system did not let MQTT Lab open ${path} (permission denied). Check that no other program holds it and that your user may use serial ports.`;
}

export function unpluggedMessage(path: string): string {
  return `board unplugged: ${path} went away. Plug the board back in; the lab reopens it by itself when it comes back.`;
}
