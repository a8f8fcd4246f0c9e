// The virtual device's link when there is nothing to connect to yet (the built-in broker down, an error nobody
// expected): its status says why and that it tries again, as a key with the reason's own key inside, for the page.
import mqtt from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { LabError } from '../../../src-shared/contract/result';
import { errorText } from '../../../src-shared/i18n/error-text';
import { englishOf } from '../../../src-shared/i18n/lab-text';
import { silentLogger } from '../../../src-main/lib/logger';
import { DeviceLink } from '../../../src-main/services/nightlight/device-link';

const links: DeviceLink[] = [];
afterEach(async () => {
  await Promise.all(links.splice(0).map((link) => link.dispose()));
});

function linkFailingWith(error: unknown): DeviceLink {
  const link = new DeviceLink({ connect: mqtt.connect, resolve: () => Promise.reject(error), logger: silentLogger });
  links.push(link);
  return link;
}

describe('device link that cannot prepare its connection', () => {
  it('says the reason in words with its key, and that the device tries again', async () => {
    const down = errorText('errors.mqtt.builtinNotRunning', { state: 'failed' });
    const link = linkFailingWith(new LabError('UNAVAILABLE', down));
    await link.open({ profileId: 'builtin', clientId: 'abcnightlight_client', clean: true });
    expect(link.status).toMatchObject({ state: 'error', errorCode: 'UNAVAILABLE' });
    expect(link.status?.messageText).toEqual({ key: 'errors.nightlight.deviceRetrying', params: { reason: down, seconds: 2 } });
    expect(link.status?.message).toBe(englishOf(link.status!.messageText!));
    expect(link.status?.message).toMatch(/^The built-in broker is not running right now \(it is failed\).* The device tries again every 2 seconds\.$/);
  });

  it('gives a plain reason for an error nobody expected, still as a key', async () => {
    const link = linkFailingWith(new Error('boom'));
    await link.open({ profileId: 'builtin', clientId: 'abcnightlight_client', clean: true });
    expect(link.status?.messageText).toEqual({ key: 'errors.nightlight.deviceRetrying', params: { reason: { key: 'errors.nightlight.devicePrepareFailed' }, seconds: 2 } });
    expect(link.status?.message).toBe('The connection could not be prepared. The device tries again every 2 seconds.');
  });
});
