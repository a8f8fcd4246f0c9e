// BrokerService's decisions with a scripted fake worker: crash loops end in 'failed', start failures and
// timeouts become sentences, restarts reuse the ports, and a worker that ignores 'stop' is killed.
import { afterEach, describe, expect, it } from 'vitest';
import type { BrokerRequest } from '../../../src-main/services/broker/broker-protocol';
import {
  BrokerService,
  MAX_CRASHES_IN_WINDOW,
  MESSAGES,
  restartDelayMs,
  type BrokerWorkerHandle,
} from '../../../src-main/services/broker/broker-service';
import { silentLogger } from '../../../src-main/lib/logger';
import { waitFor } from './support/broker-test-kit';

type Behaviour = 'listen' | 'fail' | 'silent' | 'ignore-stop';

class FakeWorker implements BrokerWorkerHandle {
  readonly requests: BrokerRequest[] = [];
  private messageListener: (message: unknown) => void = () => {};
  private exitListener: (code: number | null) => void = () => {};
  alive = true;
  constructor(
    readonly pid: number,
    private readonly behaviour: Behaviour,
  ) {}
  send(message: BrokerRequest): void {
    this.requests.push(message);
    if (message.type === 'start' && (this.behaviour === 'listen' || this.behaviour === 'ignore-stop')) {
      // Pretends port 9001 is taken by another program, so the worker moves to 9002.
      const wsPort = message.wsPort === 9001 ? 9002 : message.wsPort;
      setTimeout(() => this.messageListener({ type: 'listening', tcpPort: message.tcpPort, wsPort }), 5);
    }
    if (message.type === 'start' && this.behaviour === 'fail') {
      setTimeout(() => this.messageListener({ type: 'failed', message: 'Port 1883 is not allowed.' }), 5);
    }
    if (message.type === 'stop' && this.behaviour !== 'ignore-stop') setTimeout(() => this.exit(0), 5);
  }
  onMessage(listener: (message: unknown) => void): void {
    this.messageListener = listener;
  }
  onExit(listener: (code: number | null) => void): void {
    this.exitListener = listener;
  }
  kill(): void {
    setTimeout(() => this.exit(null), 5);
  }
  exit(code: number | null): void {
    if (!this.alive) return;
    this.alive = false;
    this.exitListener(code);
  }
}

function fakeFork(behaviours: Behaviour[] = []) {
  const workers: FakeWorker[] = [];
  const fork = () => {
    const worker = new FakeWorker(workers.length + 1, behaviours[workers.length] ?? 'listen');
    workers.push(worker);
    return worker;
  };
  return { fork, workers };
}

const services: BrokerService[] = [];
function createService(fork: () => BrokerWorkerHandle, options: { startTimeoutMs?: number; stopTimeoutMs?: number } = {}) {
  const service = new BrokerService({ fork, host: '127.0.0.1', tcpPort: 1883, wsPort: 9001, logger: silentLogger, ...options });
  services.push(service);
  return service;
}

afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.dispose()));
});

describe('BrokerService supervision', () => {
  it('restarts on the same ports after a crash and counts the restart', async () => {
    const { fork, workers } = fakeFork();
    const service = createService(fork);
    await service.start();
    workers[0]?.exit(1);
    expect(service.getStatus()).toMatchObject({ state: 'restarting', restarts: 1, message: MESSAGES.restarting });
    await waitFor(() => service.getStatus().state === 'running', 1000, 'the restart');
    expect(workers[1]?.requests[0]).toEqual({ type: 'start', host: '127.0.0.1', tcpPort: 1883, wsPort: 9002 });
    expect(service.getStatus()).toMatchObject({ tcpPort: 1883, wsPort: 9002, message: expect.stringContaining(MESSAGES.restarted) });
  });

  it(`gives up with a clear message after ${MAX_CRASHES_IN_WINDOW} crashes in a row`, async () => {
    const { fork, workers } = fakeFork();
    const service = createService(fork);
    await service.start();
    for (let crash = 1; crash <= MAX_CRASHES_IN_WINDOW; crash += 1) {
      await waitFor(() => service.getStatus().state === 'running', 2000, `restart ${crash}`);
      workers.at(-1)?.exit(1);
    }
    expect(service.getStatus()).toMatchObject({ state: 'failed', message: MESSAGES.crashLoop, tcpPort: null });
    expect(workers).toHaveLength(MAX_CRASHES_IN_WINDOW);

    await service.restart();
    expect(service.getStatus().state).toBe('running');
    expect(workers.at(-1)?.requests[0]).toMatchObject({ tcpPort: 1883, wsPort: 9002 });
  });

  it('never waits longer than a second between restarts', () => {
    expect([1, 2, 3, 4, 5, 50].map(restartDelayMs)).toEqual([0, 250, 500, 1000, 1000, 1000]);
  });

  it("passes the worker's reason on when it cannot start", async () => {
    const { fork, workers } = fakeFork(['fail']);
    const service = createService(fork);
    await expect(service.start()).rejects.toMatchObject({ code: 'UNAVAILABLE', message: 'Port 1883 is not allowed.' });
    expect(service.getStatus()).toMatchObject({ state: 'failed', message: 'Port 1883 is not allowed.' });
    await waitFor(() => workers[0]?.alive === false, 1000, 'the failed worker to be gone');
  });

  it('fails with a timeout message when the worker never answers, and kills it', async () => {
    const { fork, workers } = fakeFork(['silent']);
    const service = createService(fork, { startTimeoutMs: 100 });
    await expect(service.start()).rejects.toThrow('did not start within');
    expect(workers[0]?.alive).toBe(false);
  });

  it('kills a worker that ignores stop when the lab closes', async () => {
    const { fork, workers } = fakeFork(['ignore-stop']);
    const service = createService(fork, { stopTimeoutMs: 50 });
    await service.start();
    await service.dispose();
    expect(workers[0]?.requests.map((request) => request.type)).toEqual(['start', 'stop']);
    expect(workers[0]?.alive).toBe(false);
    expect(service.getStatus().state).toBe('stopped');
  });

  it('leaves no worker behind when the lab closes in the middle of a restart', async () => {
    const { fork, workers } = fakeFork();
    const service = createService(fork);
    await service.start();
    const restarting = service.restart().catch((error: unknown) => error);
    await service.dispose();
    expect(await restarting).toMatchObject({ code: 'UNAVAILABLE' });
    expect(workers.every((worker) => !worker.alive)).toBe(true);
  });

  it('tells listeners starting, running, stopped, and refuses to start once disposed', async () => {
    const { fork } = fakeFork();
    const service = createService(fork);
    const states: string[] = [];
    service.onStatusChanged((status) => states.push(status.state));
    await service.start();
    await service.dispose();
    expect(states).toEqual(['starting', 'running', 'stopped']);
    await expect(service.start()).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});
