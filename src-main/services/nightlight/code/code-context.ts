// What every code generator needs: the device and server settings, where their brokers are, and the CounterFit port.
// Pure data and quoting helpers; it never reads passwords (code gets a placeholder instead).
import type { DeviceSettings, ServerSettings } from '../../../../src-shared/contract/nightlight';
import { nightlightNames } from '../../../../src-shared/contract/nightlight';
import type { Transport } from '../../../../src-shared/contract/schemas';

export interface BrokerAddress {
  host: string;
  port: number;
  transport: Transport;
  /** WebSocket path, for ws and wss. */
  path: string;
  username: string;
  caFile: string;
  verifyCertificate: boolean;
  /** The built-in broker's TCP port, for tools that cannot speak WebSocket (mosquitto_pub/sub). */
  tcpFallbackPort: number | null;
}

export interface CodeContext {
  device: DeviceSettings;
  server: ServerSettings;
  deviceBroker: BrokerAddress;
  serverBroker: BrokerAddress;
  counterfitPort: number;
}

export const PASSWORD_PLACEHOLDER = 'YOUR-PASSWORD';

/** A Python string literal (single quotes, escaped). */
export function py(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/** A JavaScript / C++ string literal (double quotes, escaped). */
export function js(text: string): string {
  return JSON.stringify(text);
}

/** A shell word in single quotes. */
export function sh(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export interface NameExpressions {
  telemetryTopic: string;
  commandTopic: string;
  clientName: string;
}

/**
 * The lesson writes names as `id + '/telemetry'`; when a setting still follows that pattern the code does too,
 * otherwise it shows the exact text the student typed. `quote` is the language's string literal.
 */
export function nameExpressions(
  studentId: string,
  values: { telemetryTopic: string; commandTopic: string; clientId: string },
  role: 'device' | 'server',
  quote: (text: string) => string,
): NameExpressions {
  const names = nightlightNames(studentId);
  const pick = (value: string, pattern: string, suffix: string) => (value === pattern ? `id + ${quote(suffix)}` : quote(value));
  const clientPattern = role === 'device' ? names.deviceClientId : names.serverClientId;
  return {
    telemetryTopic: pick(values.telemetryTopic, names.telemetryTopic, '/telemetry'),
    commandTopic: pick(values.commandTopic, names.commandTopic, '/commands'),
    clientName: pick(values.clientId, clientPattern, role === 'device' ? 'nightlight_client' : 'nightlight_server'),
  };
}

export function serverNames(server: ServerSettings) {
  const names = nightlightNames(server.studentId);
  return { telemetryTopic: names.telemetryTopic, commandTopic: names.commandTopic, clientId: server.clientId };
}
