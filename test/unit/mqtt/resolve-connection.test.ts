// resolveConnection: the URL and mqtt.js options each profile produces, and clear refusals before connecting.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BrokerStatus } from '../../../src-shared/contract/schemas';
import { defaultProfiles } from '../../../src-main/services/profiles/default-profiles';
import { resolveConnection } from '../../../src-main/services/mqtt/resolve-connection';
import { profileFor, STOPPED_BROKER } from './service-harness';

const RUNNING: BrokerStatus = { ...STOPPED_BROKER, state: 'running', tcpPort: 41883, wsPort: 49001 };
const defaults = Object.fromEntries(defaultProfiles('mqttlab-abc123').map((profile) => [profile.id, profile]));

describe('resolveConnection', () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it('builds the four test.mosquitto.org addresses', () => {
    expect(resolveConnection(defaults['mosquitto-1883']!, undefined, STOPPED_BROKER).url).toBe('mqtt://test.mosquitto.org:1883');
    expect(resolveConnection(defaults['mosquitto-tls-8883']!, undefined, STOPPED_BROKER).url).toBe('mqtts://test.mosquitto.org:8883');
    expect(resolveConnection(defaults['mosquitto-ws-8080']!, undefined, STOPPED_BROKER).url).toBe('ws://test.mosquitto.org:8080/mqtt');
    expect(resolveConnection(defaults['mosquitto-wss-8081']!, undefined, STOPPED_BROKER).url).toBe('wss://test.mosquitto.org:8081/mqtt');
  });

  it('takes the built-in broker address from the broker status', () => {
    const resolved = resolveConnection(defaults.builtin!, undefined, RUNNING);
    expect(resolved.displayUrl).toBe('mqtt://127.0.0.1:41883');
    expect(resolved.options).toMatchObject({ host: '127.0.0.1', port: 41883, protocol: 'mqtt' });
  });

  it('refuses the built-in broker while it is not running, in a sentence', () => {
    expect(() => resolveConnection(defaults.builtin!, undefined, { ...RUNNING, state: 'restarting', tcpPort: null }))
      .toThrow(expect.objectContaining({ code: 'UNAVAILABLE', message: expect.stringContaining('not running right now (it is restarting)') }));
  });

  it('passes the session settings, credentials and the retry timing to mqtt.js', () => {
    const profile = profileFor({ port: 1884, keepaliveSeconds: 15, cleanSession: false, protocolVersion: 5, username: 'class9', clientId: 'desk-4' });
    const { options } = resolveConnection(profile, 's3cret', STOPPED_BROKER, 'override-id');
    expect(options).toMatchObject({
      keepalive: 15,
      clean: false,
      protocolVersion: 5,
      username: 'class9',
      password: 's3cret',
      clientId: 'override-id',
      resubscribe: true,
      reconnectPeriod: 2000,
      connectTimeout: 8000,
    });
    expect(resolveConnection(profile, undefined, STOPPED_BROKER).options).not.toHaveProperty('password');
  });

  it('reads the CA file for TLS and keeps verification as the profile says', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mqtt-lab-ca-'));
    folders.push(dir);
    const caFile = path.join(dir, 'ca.crt');
    writeFileSync(caFile, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    const { options } = resolveConnection(profileFor({ port: 8883, transport: 'mqtts', caFile, verifyCertificate: false }), undefined, STOPPED_BROKER);
    expect(options.rejectUnauthorized).toBe(false);
    expect(String(options.ca)).toContain('BEGIN CERTIFICATE');
    expect(resolveConnection(profileFor({ port: 8883, transport: 'mqtts' }), undefined, STOPPED_BROKER).options.rejectUnauthorized).toBe(true);
  });

  it('says so when the CA file is missing or is not a certificate', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mqtt-lab-ca-'));
    folders.push(dir);
    const notPem = path.join(dir, 'notes.txt');
    writeFileSync(notPem, 'hello');
    expect(() => resolveConnection(profileFor({ port: 8883, transport: 'mqtts', caFile: path.join(dir, 'missing.crt') }), undefined, STOPPED_BROKER))
      .toThrow(expect.objectContaining({ code: 'INVALID_INPUT', field: 'caFile', message: expect.stringContaining('there is no file there') }));
    expect(() => resolveConnection(profileFor({ port: 8883, transport: 'mqtts', caFile: notPem }), undefined, STOPPED_BROKER))
      .toThrow(expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringContaining('does not look like a certificate') }));
  });

  it('puts IPv6 hosts in brackets in the address', () => {
    expect(resolveConnection(profileFor({ host: '::1', port: 1883 }), undefined, STOPPED_BROKER).url).toBe('mqtt://[::1]:1883');
  });
});
