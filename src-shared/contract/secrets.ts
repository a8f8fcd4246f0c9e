// How the lab keeps saved broker passwords on this computer, so the UI can say so before one is saved.
// Pure schema; the main side decides the kind from the shell it runs in (see SecretStore implementations).
import { z } from 'zod';

/**
 * os-keychain: Electron's safeStorage with the OS keychain (macOS Keychain, Windows DPAPI, Linux Secret Service/KWallet).
 * insecure-fallback: the desktop app without a keychain (Linux "basic_text": a key built into Chromium; or no
 *   encryption at all): the password is only obfuscated in profiles.json.
 * plain-file: the headless host (`npm run serve`): base64 in profiles.json in the data folder, readable by anyone
 *   who can read that file.
 * Only os-keychain saves without asking; the others need the user's consent for each saved password.
 */
export const secretStorageKindSchema = z.enum(['os-keychain', 'insecure-fallback', 'plain-file']);
export type SecretStorageKind = z.infer<typeof secretStorageKindSchema>;

export const secretStorageSchema = z.object({
  kind: secretStorageKindSchema,
  /** True only for os-keychain. */
  secure: z.boolean(),
});
export type SecretStorage = z.infer<typeof secretStorageSchema>;
