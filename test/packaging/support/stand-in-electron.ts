// A stand-in for Electron's unpacked Linux distribution, so electron-builder can package without downloading Electron.
// Its "binary" is a shell script carrying a real fuse wire (sentinel, version, length, states) at Electron 45's defaults.
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FuseV1Options } from '@electron/fuses';

/** @electron/fuses finds the wire right after this marker in the binary. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** A fuse's state byte in the wire, as @electron/fuses reads and writes it ('1' on, '0' off). */
export const FUSE_ON = 0x31;
export const FUSE_OFF = 0x30;

/** What a fresh Electron 45 binary has; every fuse the app sets starts at the opposite value. */
export const ELECTRON_DEFAULT_FUSES: Readonly<Record<FuseV1Options, number>> = {
  [FuseV1Options.RunAsNode]: FUSE_ON,
  [FuseV1Options.EnableCookieEncryption]: FUSE_OFF,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: FUSE_ON,
  [FuseV1Options.EnableNodeCliInspectArguments]: FUSE_ON,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: FUSE_OFF,
  [FuseV1Options.OnlyLoadAppFromAsar]: FUSE_OFF,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: FUSE_OFF,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: FUSE_ON,
};

/** Writes the folder electron-builder's `electronDist` accepts for Linux: the executable, licenses and version. */
export async function createStandInElectron(dir: string, electronVersion: string): Promise<string> {
  await mkdir(path.join(dir, 'resources'), { recursive: true });
  const fuseCount = Object.keys(ELECTRON_DEFAULT_FUSES).length;
  const wire = Buffer.from(Array.from({ length: fuseCount }, (_, index) => ELECTRON_DEFAULT_FUSES[index as FuseV1Options]));
  const executable = Buffer.concat([
    Buffer.from(`#!/bin/sh\necho "stand-in for Electron ${electronVersion}: it cannot run the app"\nexit 1\n# `),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, fuseCount]),
    wire,
    Buffer.from('\n'),
  ]);
  await writeFile(path.join(dir, 'electron'), executable);
  await chmod(path.join(dir, 'electron'), 0o755);
  await writeFile(path.join(dir, 'version'), electronVersion);
  await writeFile(path.join(dir, 'LICENSE'), 'Stand-in for the Electron license (MIT).\n');
  await writeFile(path.join(dir, 'LICENSES.chromium.html'), '<!doctype html><title>Stand-in for Chromium licenses</title>\n');
  return dir;
}
