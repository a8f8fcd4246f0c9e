// Makes a throw-away self-signed certificate for 127.0.0.1 with the system openssl, for TLS tests.
// Not a test file; the caller removes the folder.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface SelfSignedCertificate {
  dir: string;
  certPath: string;
  key: Buffer;
  cert: Buffer;
}

export function makeSelfSignedCertificate(): SelfSignedCertificate {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mqtt-lab-tls-'));
  const keyPath = path.join(dir, 'broker.key');
  const certPath = path.join(dir, 'broker.crt');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
    '-keyout', keyPath, '-out', certPath,
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
  ], { stdio: 'ignore' });
  return { dir, certPath, key: readFileSync(keyPath), cert: readFileSync(certPath) };
}
