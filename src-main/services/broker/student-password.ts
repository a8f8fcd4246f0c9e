// Students' LAN passwords at rest: scrypt hashes with a random salt, made on the main side and checked in the broker
// worker. Only the hash and salt are ever stored or sent to the worker; the password itself is shown once and dropped.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt's defaults (N=16384, r=8, p=1): about 50 ms per check, once per board connection. */
const KEY_BYTES = 32;
const SALT_BYTES = 16;

export interface PasswordHash {
  /** base64 */
  salt: string;
  /** base64 */
  hash: string;
}

function derive(password: string | Buffer, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password, salt, KEY_BYTES, (error, key) => (error ? reject(error) : resolve(key))));
}

export async function hashPassword(password: string): Promise<PasswordHash> {
  const salt = randomBytes(SALT_BYTES);
  return { salt: salt.toString('base64'), hash: (await derive(password, salt)).toString('base64') };
}

/** Constant-time check of what a client sent against a stored hash; false for anything malformed. */
export async function passwordMatches(stored: PasswordHash, password: string | Buffer | undefined): Promise<boolean> {
  if (password === undefined) return false;
  const expected = Buffer.from(stored.hash, 'base64');
  if (expected.length !== KEY_BYTES) return false;
  const actual = await derive(password, Buffer.from(stored.salt, 'base64'));
  return timingSafeEqual(actual, expected);
}
