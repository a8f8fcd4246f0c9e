// The broker worker as an Electron utility process, adapted to the BrokerWorkerHandle the broker service uses.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createUtilityBrokerFork } from '../../../src-main/app/utility-broker-fork';
import { resetFakeElectron, utilityProcess } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

beforeEach(() => resetFakeElectron());

describe('createUtilityBrokerFork', () => {
  it('forks the worker script only when asked, once per call', () => {
    const fork = createUtilityBrokerFork('/app/out/main/broker-worker.js');
    expect(utilityProcess.fork).not.toHaveBeenCalled();
    fork();
    fork();
    expect(utilityProcess.forked.map((entry) => entry.modulePath)).toEqual([
      '/app/out/main/broker-worker.js',
      '/app/out/main/broker-worker.js',
    ]);
  });

  it('passes messages both ways, reports the exit code, kills and reports the pid', () => {
    const handle = createUtilityBrokerFork('/w.js')();
    const child = utilityProcess.forked[0]!.child;
    const message = { type: 'start', tcpPort: 0 };
    handle.send(message as never);
    expect(child.postMessage).toHaveBeenCalledWith(message);

    const received: unknown[] = [];
    const exits: (number | null)[] = [];
    handle.onMessage((incoming: unknown) => received.push(incoming));
    handle.onExit((code) => exits.push(code));
    child.emit('message', { type: 'listening' });
    child.emit('exit', 3);
    child.emit('exit', 3);
    expect(received).toEqual([{ type: 'listening' }]);
    expect(exits).toEqual([3]);

    expect(handle.pid).toBe(4242);
    child.pid = undefined;
    expect(handle.pid).toBeUndefined();
  });

  it('kills a running worker, and neither sends to nor kills one that has exited', () => {
    const handle = createUtilityBrokerFork('/w.js')();
    const child = utilityProcess.forked[0]!.child;
    handle.kill();
    expect(child.kill).toHaveBeenCalledTimes(1);
    child.emit('exit', 0);
    handle.send({ type: 'stop' } as never);
    handle.kill();
    expect(child.postMessage).not.toHaveBeenCalled();
    expect(child.kill).toHaveBeenCalledTimes(1);
  });
});
