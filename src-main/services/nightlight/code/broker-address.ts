// Where generated code should connect for a profile: the built-in broker's real port right now, or the profile's
// own host and port. Pure; the password is never part of it.
import type { BrokerProfile, BrokerStatus } from '../../../../src-shared/contract/schemas';
import type { BrokerAddress } from './code-context';

export function brokerAddressFor(profile: BrokerProfile, status: BrokerStatus): BrokerAddress {
  const isWs = profile.transport === 'ws' || profile.transport === 'wss';
  const builtin = profile.kind === 'builtin';
  const builtinPort = isWs ? status.wsPort : status.tcpPort;
  return {
    host: builtin ? '127.0.0.1' : profile.host,
    port: builtin ? (builtinPort ?? profile.port) : profile.port,
    transport: profile.transport,
    path: profile.path,
    username: profile.username,
    caFile: profile.caFile,
    verifyCertificate: profile.verifyCertificate,
    tcpFallbackPort: builtin ? status.tcpPort : null,
  };
}
