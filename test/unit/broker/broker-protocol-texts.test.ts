// What the broker worker reports in words travels with its key (a failed start, a store it could not use), so the
// supervisor can show it in the student's language; a report with a malformed key keeps only its English.
import { describe, expect, it } from 'vitest';
import { parseBrokerReport } from '../../../src-main/services/broker/broker-protocol';

const reason = { key: 'errors.listen.failed', params: { what: { key: 'errors.listen.what.brokerMqtt' }, port: 1883, host: '127.0.0.1', detail: 'listen EACCES' } };

describe('broker worker reports with keyed texts', () => {
  it('keeps the key of a failed start, a failed LAN request and a store note', () => {
    expect(parseBrokerReport({ type: 'failed', message: 'English', text: reason })).toEqual({ type: 'failed', message: 'English', text: reason });
    expect(parseBrokerReport({ type: 'lan-failed', message: 'English', text: { key: 'errors.broker.notRunning' } })).toEqual({
      type: 'lan-failed',
      message: 'English',
      text: { key: 'errors.broker.notRunning' },
    });
    const storeNote = { key: 'errors.broker.storeInUse', params: { dir: '/data/broker/store' } };
    expect(parseBrokerReport({ type: 'listening', tcpPort: 1, wsPort: 2, storeNote })).toEqual({ type: 'listening', tcpPort: 1, wsPort: 2, storeNote });
  });

  it('drops a key that is not an error text, or values that are not words, numbers or texts, and keeps the English', () => {
    expect(parseBrokerReport({ type: 'failed', message: 'English', text: { key: 'nightlight.labNotes.powerOn' } })).toEqual({ type: 'failed', message: 'English' });
    expect(parseBrokerReport({ type: 'failed', message: 'English', text: { key: 'errors.broker.stopped', params: { x: [1] } } })).toEqual({ type: 'failed', message: 'English' });
    expect(parseBrokerReport({ type: 'listening', tcpPort: 1, wsPort: 2, storeNote: 'plain words' })).toEqual({ type: 'listening', tcpPort: 1, wsPort: 2 });
  });
});
