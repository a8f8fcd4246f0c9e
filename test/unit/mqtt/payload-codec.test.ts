// Payload conversion: text only for valid UTF-8, cuts at 256 KiB on a character boundary, strict base64 for publishing.
import { describe, expect, it } from 'vitest';
import { encodePublishPayload, MAX_CARRIED_PAYLOAD_BYTES, toReceivedMessage } from '../../../src-main/services/mqtt/payload-codec';

describe('payload codec', () => {
  it('shows valid UTF-8 as text and anything else as bytes only', () => {
    expect(toReceivedMessage('t', Buffer.from('Grüße ☀'), 0, false, 1).payloadText).toBe('Grüße ☀');
    const binary = toReceivedMessage('t', Buffer.from([0xc3, 0x28]), 1, true, 1);
    expect(binary).toMatchObject({ payloadText: null, payloadBase64: 'wyg=', sizeBytes: 2, truncated: false, qos: 1, retain: true });
  });

  it('cuts a long text at a character boundary so the carried part is still text', () => {
    // "ab" + 3-byte suns: byte 262144 falls in the middle of a sun, so the cut moves back to 262142.
    const payload = Buffer.from(`ab${'☀'.repeat(100_000)}`);
    const message = toReceivedMessage('t', payload, 0, false, 1);
    expect(message).toMatchObject({ truncated: true, sizeBytes: payload.length });
    expect(message.payloadText).toBe(`ab${'☀'.repeat((MAX_CARRIED_PAYLOAD_BYTES - 2 - 2) / 3)}`);
    expect(Buffer.from(message.payloadBase64, 'base64').length).toBe(MAX_CARRIED_PAYLOAD_BYTES - 2);
  });

  it('publishes base64 as its bytes and refuses text that is not base64', () => {
    expect([...encodePublishPayload('/wD+', 'base64')]).toEqual([0xff, 0x00, 0xfe]);
    expect(encodePublishPayload('aGk=\n', 'base64').toString()).toBe('hi');
    expect(() => encodePublishPayload('hello!', 'base64')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', field: 'payload' }));
  });
});
