// The playground against Debian mosquitto configured to refuse things: a broker that downgrades QoS 2, one with a
// small packet limit, and MQTT 5 message properties end to end. Every case is explained and nothing crashes.
import { afterEach, describe, expect, it } from 'vitest';
import { LabError } from '../../src-shared/contract/result';
import type { RunningMosquitto } from '../support/mosquitto';
import { startMosquitto } from '../support/mosquitto';
import { createPlayground, waitFor, type PlaygroundHarness } from '../unit/playground/playground-harness';

async function refusal(promise: Promise<unknown>): Promise<LabError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(LabError);
  return error as LabError;
}

describe('playground against a mosquitto that refuses or downgrades', () => {
  let mosquitto: RunningMosquitto | undefined;
  let pg: PlaygroundHarness | undefined;

  afterEach(async () => {
    await pg?.service.dispose();
    await mosquitto?.stop();
    pg = undefined;
    mosquitto = undefined;
  });

  it('max_qos 1: a QoS 2 subscription is granted QoS 1 and reported as downgraded', async () => {
    mosquitto = await startMosquitto({ extraConfig: ['max_qos 1'] });
    pg = createPlayground(mosquitto.port);
    await pg.service.connect('subscriber', 'builtin');
    expect(await pg.service.subscribe('subscriber', 'lab/alarm', 2)).toEqual({ filter: 'lab/alarm', requestedQos: 2, grantedQos: 1, downgraded: true });
    await waitFor(() => pg?.packets({ type: 'SUBACK' })[0], 'the SUBACK in the log');
    expect(pg.packets({ type: 'SUBACK' })[0]?.grantedQos).toEqual([1]);
  });

  it('max_qos 1: an MQTT 5 client is told before sending that QoS 2 will be refused', async () => {
    mosquitto = await startMosquitto({ extraConfig: ['max_qos 1'] });
    pg = createPlayground(mosquitto.port);
    pg.service.updateClient('publisher', { protocolVersion: 5 });
    await pg.service.connect('publisher', 'builtin');
    const error = await refusal(pg.service.publish('publisher', { topic: 'lab/alarm', payload: 'ring', qos: 2, retain: false }));
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'qos' });
    expect(error.message).toContain('up to QoS 1 only');
    expect(pg.client('publisher').state).toBe('connected');
  });

  it('max_qos 1: an MQTT 3.1.1 client that publishes QoS 2 is dropped, and the reason is explained', async () => {
    mosquitto = await startMosquitto({ extraConfig: ['max_qos 1'] });
    pg = createPlayground(mosquitto.port);
    await pg.service.connect('publisher', 'builtin');
    await pg.service.publish('publisher', { topic: 'lab/alarm', payload: 'ring', qos: 2, retain: false });
    const offline = await waitFor(() => pg?.client('publisher').state === 'offline' && pg.client('publisher'), 'the broker to drop the client');
    expect(offline.message).toMatch(/closed the connection right after Publisher published 4 bytes at QoS 2.*a QoS it does not allow/);
  });

  it('max_packet_size: an MQTT 5 client is told the message is too large before sending it', async () => {
    mosquitto = await startMosquitto({ extraConfig: ['max_packet_size 2000'] });
    pg = createPlayground(mosquitto.port);
    pg.service.updateClient('publisher', { protocolVersion: 5 });
    await pg.service.connect('publisher', 'builtin');
    const error = await refusal(pg.service.publish('publisher', { topic: 'lab/photo', payload: 'x'.repeat(5000), qos: 1, retain: false }));
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'payload' });
    expect(error.message).toContain('at most 2000 bytes');
  });

  it('max_packet_size: an MQTT 3.1.1 client sending too much is dropped, and the size is named', async () => {
    mosquitto = await startMosquitto({ extraConfig: ['max_packet_size 2000'] });
    pg = createPlayground(mosquitto.port);
    await pg.service.connect('publisher', 'builtin');
    await pg.service.publish('publisher', { topic: 'lab/photo', payload: 'x'.repeat(5000), qos: 1, retain: false });
    const offline = await waitFor(() => pg?.client('publisher').state === 'offline' && pg.client('publisher'), 'the broker to drop the client');
    expect(offline.message).toContain('right after Publisher published 5000 bytes');
    expect(offline.message).toContain('1 QoS 1/2 exchange(s) were not finished');
  });

  it('MQTT 5 extras travel end to end: message expiry, content type and user properties', async () => {
    mosquitto = await startMosquitto({ extraConfig: [] });
    pg = createPlayground(mosquitto.port);
    pg.service.updateClient('publisher', { protocolVersion: 5 });
    pg.service.updateClient('subscriber', { protocolVersion: 5 });
    await pg.service.connect('subscriber', 'builtin');
    await pg.service.subscribe('subscriber', 'lab/json', 1);
    await pg.service.connect('publisher', 'builtin');
    await pg.service.publish('publisher', {
      topic: 'lab/json',
      payload: '{"temp":21.5}',
      qos: 1,
      retain: false,
      properties: { messageExpirySeconds: 60, contentType: 'application/json', userProperties: [{ key: 'room', value: 'lab 1' }] },
    });
    const [delivered] = await waitFor(() => {
      const found = pg?.packets({ clientKey: 'subscriber', type: 'PUBLISH' });
      return found && found.length > 0 && found;
    }, 'the delivery');
    expect(delivered?.payloadPreview).toBe('{"temp":21.5}');
    expect(delivered?.fields).toMatchObject({ 'properties.contentType': 'application/json', 'properties.userProperties.room': 'lab 1' });
    expect(Number(delivered?.fields['properties.messageExpiryInterval'])).toBeGreaterThan(55);
  });
});
