// The aedes 1.2 stack-overflow scenario (QoS 0 flood while the subscriber dies) against the real worker: the
// broker must not crash at all (no restart, same process) and must still route messages afterwards.
import { afterAll, describe, expect, it } from 'vitest';
import { closeAll, connectClient, createTestBroker, nextMessage, tcpUrl } from './support/broker-test-kit';
import { floodWhileSubscriberDies } from './support/flood';

// With aedes' default concurrency this scenario crashed the broker in 20 of 20 runs of
// support/flood-crash-repro.ts; three rounds make a regression all but impossible to miss.
const ROUNDS = 3;

describe('built-in broker under a QoS 0 flood', () => {
  afterAll(closeAll);

  it('survives a subscriber dying mid-flood and keeps routing messages', async () => {
    const broker = createTestBroker();
    const status = await broker.start();
    const pid = broker.workerPid;

    for (let round = 1; round <= ROUNDS; round += 1) {
      const { bytesPublished } = await floodWhileSubscriberDies({ port: status.tcpPort as number, killAfterMs: 300, floodAfterKillMs: 500 });
      expect(bytesPublished).toBeGreaterThan(100_000);
    }

    expect(broker.getStatus()).toMatchObject({ state: 'running', restarts: 0 });
    expect(broker.workerPid).toBe(pid);
    const client = await connectClient(tcpUrl(status));
    await client.subscribeAsync('lab/after-flood');
    const received = nextMessage(client, 'lab/after-flood');
    await client.publishAsync('lab/after-flood', 'still routing');
    expect((await received).payload).toBe('still routing');
    // Three floods took over 20 s on a busy machine (load 15); this limit is not a speed check.
  }, 90_000);
});
