// What an installer would ship: packages the app with electron-builder against a stand-in Electron, then reads
// app.asar and the packaged binary's fuse wire. Installers themselves need the real Electron download (README).
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { extractFile, listPackage, statFile } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config, { electronFuses } from '../../electron-builder.config';
import { RENDERER_BUNDLED_PACKAGES } from '../../scripts/packaging/bundled-only-packages';
import { PROJECT_DIR, packageApp, type PackagedApp } from './support/package-app';
import { FUSE_OFF, FUSE_ON } from './support/stand-in-electron';

let app: PackagedApp;
let files: Set<string>;

const read = (file: string): string => extractFile(app.asarPath, file).toString('utf8');
/** The package folder a bare import names: `a` for `a/b`, `@s/a` for `@s/a/b`. */
const packageOf = (specifier: string): string => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

beforeAll(async () => {
  app = await packageApp();
  // listPackage gives "/out/main/index.js" on POSIX; compare without the leading separator.
  files = new Set(listPackage(app.asarPath, { isPack: false }).map((file) => file.replace(/^[/\\]/, '').replaceAll('\\', '/')));
});

afterAll(async () => {
  await app?.dispose();
});

describe('app.asar', () => {
  it('holds the built main, preload and renderer, the package.json that starts it, and the board sketches', () => {
    for (const file of ['out/main/index.js', 'out/main/broker-worker.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'package.json']) {
      expect(files, file).toContain(file);
    }
    const assets = [...files].filter((file) => file.startsWith('out/renderer/assets/'));
    expect(assets.some((file) => file.endsWith('.js'))).toBe(true);
    expect(assets.some((file) => file.endsWith('.css'))).toBe(true);
    // The Telugu font is bundled by vite, so the app shows Telugu without a network or a system font.
    expect(assets.filter((file) => /noto-sans-telugu-telugu-.*\.woff2$/.test(file)).length).toBeGreaterThan(0);
    expect(files).toContain('resources/firmware/wio-terminal-usb-bridge/wio-terminal-usb-bridge.ino');
    expect(files).toContain('resources/firmware/uno-grove-usb-bridge/uno-grove-usb-bridge.ino');
    const manifest = JSON.parse(read('package.json')) as { main: string; scripts?: unknown; desktopName?: string };
    expect(files).toContain(manifest.main);
    expect(manifest.scripts).toBeUndefined();
    expect(manifest.desktopName).toBe('mqtt-lab.desktop');
  });

  it('has no sources, tests, source maps or build folders of the project', () => {
    const ours = [...files].filter((file) => file.split('/')[0] !== 'node_modules');
    const allowedTop = new Set(['out', 'resources', 'package.json']);
    expect(ours.filter((file) => !allowedTop.has(file.split('/')[0] ?? ''))).toEqual([]);
    expect([...files].filter((file) => file.endsWith('.map'))).toEqual([]);
    expect([...files].filter((file) => /\.(ts|cts|mts|vue)$/.test(file))).toEqual([]);
    expect([...files].filter((file) => /(^|\/)(test|tests|__tests__)(\/|$)/.test(file))).toEqual([]);
  });

  it('finds every package the main side and the broker worker import, with all their dependencies', () => {
    const mainFiles = [...files].filter((file) => /^out\/(main|preload)\/.*\.(c?js|mjs)$/.test(file));
    const imported = new Set<string>();
    for (const file of mainFiles) {
      for (const match of read(file).matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)["']([^"'.$/][^"']*)["']/g)) {
        const name = packageOf(match[1] ?? '');
        if (name !== 'electron' && !name.startsWith('node:') && !builtinModules.includes(name)) imported.add(name);
      }
    }
    expect([...imported].sort()).toEqual(expect.arrayContaining(['aedes', 'mqtt', 'serialport', 'ws', 'zod']));
    expect([...imported].filter((name) => !files.has(`node_modules/${name}/package.json`))).toEqual([]);
    // Node's lookup inside the archive: each shipped package finds each of its (non-optional) dependencies.
    const missing: string[] = [];
    for (const manifestPath of [...files].filter((file) => /(^|\/)node_modules\/(@[^/]+\/)?[^/@]+\/package\.json$/.test(file))) {
      const dir = path.posix.dirname(manifestPath);
      const manifest = JSON.parse(read(manifestPath)) as { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
      for (const dependency of Object.keys(manifest.dependencies ?? {})) {
        if (manifest.optionalDependencies?.[dependency] !== undefined) continue;
        let base = dir;
        let found = false;
        while (!found && base !== '.') {
          found = files.has(`${base}/node_modules/${dependency}/package.json`);
          base = base.includes('/node_modules/') ? base.slice(0, base.lastIndexOf('/node_modules/')) : '.';
        }
        if (!found && !files.has(`node_modules/${dependency}/package.json`)) missing.push(`${dir} -> ${dependency}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('leaves out dev-only packages and the libraries already bundled into the renderer', async () => {
    const lock = JSON.parse(await readFile(path.join(PROJECT_DIR, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean; version?: string }>;
    };
    const devOnly = Object.entries(lock.packages).filter(([lockPath, entry]) => lockPath !== '' && entry.dev === true);
    expect(devOnly.length).toBeGreaterThan(100);
    // electron-builder may hoist a production package's nested dependency (msgpack-lite's isarray 1.0.0) to where a
    // dev-only one of the same name sits in the lock (isarray 2.0.5): the same path with another version is not it.
    const shipped = ([lockPath, entry]: [string, { version?: string }]) =>
      files.has(`${lockPath}/package.json`) && (JSON.parse(read(`${lockPath}/package.json`)) as { version?: string }).version === entry.version;
    expect(devOnly.filter(shipped).map(([lockPath]) => lockPath)).toEqual([]);
    for (const name of ['electron', 'vitest', '@playwright/test', 'electron-builder', 'typescript', ...RENDERER_BUNDLED_PACKAGES]) {
      expect(files, name).not.toContain(`node_modules/${name}/package.json`);
    }
  });

  it("keeps serialport's prebuilt Linux binding, unpacked next to the archive where Electron can load it", () => {
    const binding = 'node_modules/@serialport/bindings-cpp/prebuilds/linux-x64/@serialport+bindings-cpp.glibc.node';
    expect(files).toContain(binding);
    expect(statFile(app.asarPath, binding, false)).toMatchObject({ unpacked: true });
    expect(existsSync(path.join(app.appOutDir, 'resources', 'app.asar.unpacked', binding))).toBe(true);
    expect([...files].filter((file) => file.includes('/prebuilds/android-'))).toEqual([]);
  });

  it("keeps the broker store's prebuilt LevelDB binding (classic-level), unpacked where Electron can load it", () => {
    const binding = 'node_modules/classic-level/prebuilds/linux-x64/classic-level.node';
    expect(files).toContain(binding);
    expect(statFile(app.asarPath, binding, false)).toMatchObject({ unpacked: true });
    expect(existsSync(path.join(app.appOutDir, 'resources', 'app.asar.unpacked', binding))).toBe(true);
  });

  it('is the only app next to the binary: resources/ holds app.asar and its unpacked natives, nothing else', async () => {
    expect((await readdir(path.join(app.appOutDir, 'resources'))).sort()).toEqual(['app.asar', 'app.asar.unpacked']);
  });
});

describe('Electron fuses', () => {
  it('are configured to exactly the values the security review asked for', () => {
    expect(config.electronFuses).toBe(electronFuses);
    expect(electronFuses).toStrictEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('are flipped in the packaged binary (every one started at the opposite value)', async () => {
    const wire = await getCurrentFuseWire(app.executable);
    expect(wire).toMatchObject({
      [FuseV1Options.RunAsNode]: FUSE_OFF,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: FUSE_OFF,
      [FuseV1Options.EnableNodeCliInspectArguments]: FUSE_OFF,
      [FuseV1Options.EnableCookieEncryption]: FUSE_ON,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: FUSE_ON,
      [FuseV1Options.OnlyLoadAppFromAsar]: FUSE_ON,
    });
  });
});
