// Starts the broker worker (out/main/broker-worker.js) as an Electron utility process.
// Only adapts utilityProcess to the BrokerWorkerHandle shape; the broker service decides when to fork and kill.
import { utilityProcess } from 'electron';
import type { ForkBrokerWorker } from '../services/broker/broker-service';

/**
 * A utility process rather than child_process.fork: Electron manages it like its own helpers, and a crash
 * in the broker never takes the window down. The worker talks back through process.parentPort.
 */
export function createUtilityBrokerFork(scriptPath: string): ForkBrokerWorker {
  return () => {
    const child = utilityProcess.fork(scriptPath, [], { serviceName: 'MQTT Lab broker', stdio: 'inherit' });
    let exited = false;
    child.once('exit', () => {
      exited = true;
    });
    return {
      send(message) {
        // A stop request racing the worker's death has nowhere to go; the exit event tells the service.
        if (!exited) child.postMessage(message);
      },
      onMessage(listener) {
        child.on('message', listener);
      },
      onExit(listener) {
        child.once('exit', (code) => listener(code));
      },
      kill() {
        // SIGTERM: the worker installs no handler for it, so it ends at once, and Electron reaps it.
        if (!exited) child.kill();
      },
      get pid() {
        return child.pid;
      },
    };
  };
}
