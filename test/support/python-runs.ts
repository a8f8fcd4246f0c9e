// Runs the lesson's Python programs the way a student does (Debian's /usr/bin/python3, where paho is), keeps what
// they print, and stops them all afterwards (SIGTERM, then SIGKILL after 5 s). Shared by interop and e2e tests.
import { spawn, type ChildProcess } from 'node:child_process';

export const PYTHON = '/usr/bin/python3';

export interface PythonRun {
  child: ChildProcess;
  output: () => string;
}

export class PythonRuns {
  private readonly runs: PythonRun[] = [];

  /** `python3 -u <args>`; env is added to this process's environment. */
  start(args: string[], env?: NodeJS.ProcessEnv): PythonRun {
    const child = spawn(PYTHON, ['-u', ...args], { stdio: ['ignore', 'pipe', 'pipe'], ...(env ? { env: { ...process.env, ...env } } : {}) });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const run = { child, output: () => output };
    this.runs.push(run);
    return run;
  }

  async stopAll(): Promise<void> {
    for (const { child } of this.runs.splice(0)) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
  }
}
