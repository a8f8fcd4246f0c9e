// `npm run serve`: builds the app when the build is missing or older than the sources, then starts the headless host.
// Build output goes to stderr so stdout carries only the host's ready line.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// MQTT_LAB_OUT_DIR names a separate build folder (.out/<name>, see electron.vite.config.ts) for parallel test runs.
const outName = process.env.MQTT_LAB_OUT_DIR;
const outDir = outName ? path.join(root, '.out', path.basename(outName)) : path.join(root, 'out');
const outputs = ['main/host.js', 'main/broker-worker.js', 'renderer/index.html'].map((file) => path.join(outDir, file));
const sources = ['src-main', 'src-shared', 'src-renderer', 'src-preload', 'package.json', 'electron.vite.config.ts'];

function newestMtimeMs(target) {
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtimeMs(path.join(target, entry)));
  return newest;
}

function buildIsStale() {
  if (!outputs.every((file) => existsSync(file))) return true;
  const builtAt = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  return sources.some((source) => newestMtimeMs(path.join(root, source)) > builtAt);
}

if (buildIsStale()) {
  process.stderr.write('MQTT Lab: building the app first (this takes a moment the first time)...\n');
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (result.status !== 0) {
    process.stderr.write('MQTT Lab: the build failed; see the messages above.\n');
    process.exit(result.status ?? 1);
  }
}

await import(pathToFileURL(path.join(outDir, 'main/host.js')).href);
