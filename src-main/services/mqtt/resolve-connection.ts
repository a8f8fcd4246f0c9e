// Turns a broker profile (plus its password and the built-in broker's status) into mqtt.js connect arguments.
// Pure apart from reading the CA file; it never connects and never logs the password.
import { readFileSync } from 'node:fs';
import net from 'node:net';
import type { IClientOptions } from 'mqtt';
import { LabError } from '../../../src-shared/contract/result';
import { errorText } from '../../../src-shared/i18n/error-text';
import type { BrokerProfile, BrokerStatus } from '../../../src-shared/contract/schemas';

export const RECONNECT_PERIOD_MS = 2000;
export const CONNECT_TIMEOUT_MS = 8000;

export interface ResolvedConnection {
  url: string;
  options: IClientOptions;
  profile: BrokerProfile;
  /** The address as a student would type it, without credentials. */
  displayUrl: string;
}

function hostForUrl(host: string): string {
  return net.isIPv6(host) ? `[${host}]` : host;
}

function builtinAddress(profile: BrokerProfile, status: BrokerStatus): { host: string; port: number } {
  const useWs = profile.transport === 'ws' || profile.transport === 'wss';
  const port = useWs ? status.wsPort : status.tcpPort;
  if (status.state !== 'running' || port === null) {
    throw new LabError('UNAVAILABLE', errorText('errors.mqtt.builtinNotRunning', { state: status.state }));
  }
  // A broker opened to the network listens on every address; this computer still reaches it on loopback.
  const host = status.host === '0.0.0.0' || status.host === '::' || status.host === '' ? '127.0.0.1' : status.host;
  return { host, port };
}

function readCa(caFile: string): Buffer {
  let contents: Buffer;
  try {
    contents = readFileSync(caFile);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new LabError('INVALID_INPUT', errorText(missing ? 'errors.mqtt.caMissing' : 'errors.mqtt.caUnreadable', { file: caFile }), 'caFile');
  }
  if (!contents.includes('-----BEGIN CERTIFICATE-----')) {
    throw new LabError('INVALID_INPUT', errorText('errors.mqtt.caNotCertificate', { file: caFile }), 'caFile');
  }
  return contents;
}

function tlsOptions(profile: BrokerProfile): IClientOptions {
  if (profile.transport !== 'mqtts' && profile.transport !== 'wss') return {};
  const options: IClientOptions = { rejectUnauthorized: profile.verifyCertificate };
  if (profile.caFile.trim()) options.ca = readCa(profile.caFile.trim());
  return options;
}

export function resolveConnection(
  profile: BrokerProfile,
  password: string | undefined,
  brokerStatus: BrokerStatus,
  clientIdOverride?: string,
): ResolvedConnection {
  const { host, port } = profile.kind === 'builtin' ? builtinAddress(profile, brokerStatus) : { host: profile.host, port: profile.port };
  const isWebSocket = profile.transport === 'ws' || profile.transport === 'wss';
  const path = isWebSocket ? normalizePath(profile.path) : '';
  const url = `${profile.transport}://${hostForUrl(host)}:${port}${path}`;
  const options: IClientOptions = {
    protocol: profile.transport,
    host,
    // mqtt.js stream builders read hostname (ws needs it), so set it rather than rely on URL parsing.
    hostname: host,
    port,
    ...(isWebSocket ? { path } : {}),
    clientId: clientIdOverride ?? profile.clientId,
    keepalive: profile.keepaliveSeconds,
    clean: profile.cleanSession,
    protocolVersion: profile.protocolVersion,
    reconnectPeriod: RECONNECT_PERIOD_MS,
    connectTimeout: CONNECT_TIMEOUT_MS,
    resubscribe: true,
    // A message published while offline would surprise a student later; the service refuses it instead.
    queueQoSZero: false,
    ...(profile.username ? { username: profile.username } : {}),
    ...(password !== undefined ? { password } : {}),
    ...tlsOptions(profile),
  };
  return { url, options, profile, displayUrl: url };
}

function normalizePath(path: string): string {
  const trimmed = path.trim();
  if (!trimmed) return '/';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}
