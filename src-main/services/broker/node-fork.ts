// Runs the broker worker as a plain Node child process (headless host, tests). The Electron shell uses its
// utilityProcess adapter in src-main/app instead; both satisfy ForkBrokerWorker.
import { fork } from 'node:child_process';
import type { ForkBrokerWorker } from './worker-session';

/** scriptPath: out/main/broker-worker.js, or the .ts source with execArgv ['--import', 'tsx'] in tests. */
export function createNodeBrokerFork(scriptPath: string, execArgv: string[] = []): ForkBrokerWorker {
  return () => {
    const child = fork(scriptPath, [], {
      execArgv,
      // stdout/stderr go to ours, so a crash's stack trace ends up in the lab's log.
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'json',
    });
    const exitListeners: Array<(code: number | null) => void> = [];
    let exited = false;
    const reportExit = (code: number | null) => {
      if (exited) return;
      exited = true;
      for (const listener of exitListeners) listener(code);
    };
    child.once('exit', (code) => reportExit(code));
    // A send racing the child's death reports EPIPE here and the exit event follows. A process that never
    // spawned (no pid) has no exit event, so we report one for it.
    child.on('error', () => {
      if (child.pid === undefined) reportExit(null);
    });
    return {
      send(message) {
        if (child.connected) child.send(message);
      },
      onMessage(listener) {
        child.on('message', listener);
      },
      onExit(listener) {
        exitListeners.push(listener);
      },
      kill() {
        child.kill('SIGKILL');
      },
      get pid() {
        return child.pid;
      },
    };
  };
}
