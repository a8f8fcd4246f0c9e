// The virtual device's MQTT link against a real broker when it is re-opened quickly (a reset, then new settings):
// whatever order the old connections finish closing in, the link must say connected while its client is connected.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/lib/logger';
import { resolveConnection } from '../../../src-main/services/mqtt/resolve-connection';
import { DeviceLink } from '../../../src-main/services/nightlight/device-link';
import { connectWithSlowFirstGoodbye } from '../../support/slow-goodbye';
import { startTestBroker, type TestBroker } from '../../support/test-broker';
import { profileFor, sleep, STOPPED_BROKER, waitFor } from '../mqtt/service-harness';

/** How long the first connection takes to say goodbye: a broker in another process on a busy laptop. */
const SLOW_GOODBYE_MS = 800;

describe('device link', () => {
  let broker: TestBroker;
  let link: DeviceLink;

  beforeEach(async () => {
    broker = await startTestBroker();
    const profile = profileFor({ id: 'builtin', port: broker.port });
    link = new DeviceLink({
      connect: connectWithSlowFirstGoodbye(SLOW_GOODBYE_MS),
      resolve: async (_profileId, clientId) => resolveConnection(profile, undefined, STOPPED_BROKER, clientId),
      logger: silentLogger,
    });
  });
  afterEach(async () => {
    await link.dispose();
    await broker.close();
  });

  it('stays connected when an older connection finishes closing after the newest one connected', async () => {
    const target = { profileId: 'builtin', clientId: 'lab-link01nightlight_client', clean: true };
    await link.open(target);
    await waitFor(() => link.connected || undefined, 'the first connection');

    // A reset re-opens the link (the first client now closes slowly), and new settings re-open it again at once.
    const reset = link.open(target);
    const settings = link.open({ ...target, clean: false });
    await settings;
    await waitFor(() => link.connected || undefined, 'the newest connection');
    await reset;
    await sleep(SLOW_GOODBYE_MS + 200);

    expect(link.status?.state).toBe('connected');
    await link.publish('lab-link01/telemetry', '{"light": 12}', 0, false);
  });
});
