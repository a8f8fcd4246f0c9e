// Command-line options of the headless host (`npm run serve -- --broker-port 0 ...`).
// 0 means "any free port"; a taken port moves to the next free one. Bad options give a sentence, not a stack.
import os from 'node:os';
import path from 'node:path';

export interface HostOptions {
  brokerPort: number;
  wsPort: number;
  uiPort: number;
  /** The nightlight's CounterFit-compatible HTTP address (5000 like CounterFit). */
  counterfitPort: number;
  dataDir: string;
}

export const DEFAULT_HOST_OPTIONS: HostOptions = {
  brokerPort: 1883,
  wsPort: 9001,
  uiPort: 5174,
  counterfitPort: 5000,
  dataDir: path.join(os.homedir(), '.mqtt-lab'),
};

const PORT_FLAGS = { '--broker-port': 'brokerPort', '--ws-port': 'wsPort', '--ui-port': 'uiPort', '--counterfit-port': 'counterfitPort' } as const;

export class UsageError extends Error {}

function parsePort(flag: string, text: string | undefined): number {
  const port = Number(text);
  if (text === undefined || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`${flag} needs a port number from 0 to 65535 (0 = any free port), but got "${text ?? ''}".`);
  }
  return port;
}

export function parseHostArgs(argv: readonly string[]): HostOptions {
  const options: HostOptions = { ...DEFAULT_HOST_OPTIONS };
  for (let index = 0; index < argv.length; index++) {
    const [flag, inlineValue] = (argv[index] ?? '').split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => inlineValue ?? argv[++index];
    if (flag in PORT_FLAGS) {
      options[PORT_FLAGS[flag as keyof typeof PORT_FLAGS]] = parsePort(flag, value());
    } else if (flag === '--data-dir') {
      const dir = value();
      if (!dir) throw new UsageError('--data-dir needs a folder, like --data-dir ./lab-data');
      options.dataDir = path.resolve(dir);
    } else {
      throw new UsageError(`Unknown option "${flag}". Options: --broker-port, --ws-port, --ui-port, --counterfit-port, --data-dir.`);
    }
  }
  return options;
}
