// Builds the app into .out/<name> and packages it with electron-builder (`--linux dir --x64`) against a stand-in
// Electron folder: no download, no network. What `npm run dist` does, minus the Electron binary and the installer step.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createStandInElectron } from './stand-in-electron';

const run = promisify(execFile);
export const PROJECT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const OUT_NAME = 'packaging-test';

export interface PackagedApp {
  /** linux-unpacked: the folder an AppImage or .deb is made from. */
  appOutDir: string;
  /** The executable, named by electron-builder's linux.executableName. */
  executable: string;
  asarPath: string;
  dispose(): Promise<void>;
}

async function step(label: string, command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  try {
    await run(command, args, { cwd: PROJECT_DIR, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${label} failed:\n${`${stdout}\n${stderr}`.trim().split('\n').slice(-40).join('\n')}`);
  }
}

export async function packageApp(): Promise<PackagedApp> {
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'mqtt-lab-packaging-'));
  const { version: electronVersion } = JSON.parse(
    await readFile(path.join(PROJECT_DIR, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ) as { version: string };
  const electronDist = await createStandInElectron(path.join(workDir, 'electron'), electronVersion);
  const outputDir = path.join(workDir, 'installers');
  const env = { MQTT_LAB_OUT_DIR: OUT_NAME, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
  await step('electron-vite build', process.execPath, [path.join(PROJECT_DIR, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], env);
  await step('electron-builder --linux dir --x64', process.execPath, [
    path.join(PROJECT_DIR, 'node_modules/electron-builder/cli.js'),
    '--linux', 'dir', '--x64', '--publish', 'never',
    '--config', 'electron-builder.config.ts',
    `-c.electronDist=${electronDist}`,
    `-c.directories.output=${outputDir}`,
  ], env);
  const appOutDir = path.join(outputDir, 'linux-unpacked');
  return {
    appOutDir,
    executable: path.join(appOutDir, 'mqtt-lab'),
    asarPath: path.join(appOutDir, 'resources', 'app.asar'),
    async dispose() {
      await rm(workDir, { recursive: true, force: true });
      await rm(path.join(PROJECT_DIR, '.out', OUT_NAME), { recursive: true, force: true });
    },
  };
}
