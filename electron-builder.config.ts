// electron-builder: what goes into the installers (Windows NSIS, macOS dmg, Linux AppImage/.deb, Pi arm64 .deb)
// and the Electron fuses flipped in every packaged binary. `npm run dist` uses it; test/packaging checks it.
// It must not rebuild native modules: serialport ships prebuilt bindings for every target in its package.
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Configuration } from 'electron-builder';
import { excludeBundledOnlyPackages } from './scripts/packaging/bundled-only-packages';

/** The electron-vite build to package: `out/`, or `.out/<name>` when MQTT_LAB_OUT_DIR is set (as in tests). */
const buildDir = process.env.MQTT_LAB_OUT_DIR ? `.out/${basename(process.env.MQTT_LAB_OUT_DIR)}` : 'out';

/**
 * Electron fuses, flipped by electron-builder in each packaged binary right before signing (it runs
 * @electron/fuses' flipFuses and, for macOS arm64, re-applies the ad-hoc signature the flip invalidates).
 * Electron security checklist #19 (check which fuses you can change).
 */
export const electronFuses = {
  // Nothing may start the app's binary as a plain Node runtime (ELECTRON_RUN_AS_NODE). The broker worker is a
  // utilityProcess, which does not need it.
  runAsNode: false,
  // NODE_OPTIONS / NODE_EXTRA_CA_CERTS from the environment could inject code or trust into the main process.
  enableNodeOptionsEnvironmentVariable: false,
  // --inspect and SIGUSR1 must not open a debugger on a student's installed app.
  enableNodeCliInspectArguments: false,
  // Cookies on disk are encrypted with the OS keychain, like Chrome's.
  enableCookieEncryption: true,
  // app.asar is checked against the hash embedded at packaging (macOS and Windows; Linux ignores it).
  enableEmbeddedAsarIntegrityValidation: true,
  // The app runs only from app.asar, never from a resources/app folder someone drops next to it.
  onlyLoadAppFromAsar: true,
} as const satisfies NonNullable<Configuration['electronFuses']>;

const config: Configuration = {
  appId: 'org.mqttlab.desktop',
  productName: 'MQTT Lab',
  copyright: 'MQTT Lab contributors, MIT License',
  directories: { output: 'dist', buildResources: 'resources' },
  // resources/icon.png (1024x1024): electron-builder makes the .icns, .ico and Linux sizes from it.
  icon: 'resources/icon.png',
  files: [
    'package.json',
    // Source maps are not shipped: the build makes none, and none from a dependency is needed at run time.
    { from: buildDir, to: 'out', filter: ['**/*', '!**/*.map'] },
    // The Wio Terminal and Arduino Uno sketches for the Board page's USB bridge (see resources/firmware/README.md).
    { from: 'resources/firmware', to: 'resources/firmware', filter: ['**/*'] },
    '!**/*.map',
    // vue, pinia, uplot, the Telugu font...: already inside out/renderer's bundle, not loaded from node_modules.
    ...excludeBundledOnlyPackages(dirname(fileURLToPath(import.meta.url))),
    // Nothing in a dependency's TypeScript sources, type declarations, tests or build inputs runs in the app.
    '!**/node_modules/**/*.{ts,cts,mts,flow,tsbuildinfo,h,gyp,gypi}',
    '!**/node_modules/**/{test,tests,__tests__}{,/**}',
    // serialport's prebuilt bindings: no app of ours runs on Android; the C++ sources are for node-gyp only.
    '!node_modules/@serialport/bindings-cpp/prebuilds/android-*{,/**}',
    '!node_modules/@serialport/bindings-cpp/{src,binding.gyp}{,/**}',
    // The broker store's LevelDB binding (classic-level, N-API): same prebuilds rule; deps/ and binding.cc are its C++ sources.
    '!node_modules/classic-level/prebuilds/android-*{,/**}',
    '!node_modules/classic-level/{deps,binding.cc,binding.gyp}{,/**}',
  ],
  // Linux desktops match the running window to the launcher by this name (Electron's app_id / WM_CLASS).
  extraMetadata: { desktopName: 'mqtt-lab.desktop' },
  asar: true,
  // Native bindings cannot be loaded from inside app.asar; Electron finds them in app.asar.unpacked.
  asarUnpack: ['**/*.node'],
  // Keep serialport's prebuilds as they are: no rebuild against the build machine's Node or Electron headers,
  // which is also what lets a Linux x64 machine make the arm64 .deb for a Raspberry Pi.
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  electronFuses,
  // Installers are published by hand; never look for a GitHub token or release.
  publish: null,
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
  },
  nsis: {
    // One-click, per-user install into the user's AppData: no administrator rights on a school PC.
    oneClick: true,
    perMachine: false,
    artifactName: 'MQTT-Lab-Setup-${version}-${arch}.${ext}',
    deleteAppDataOnUninstall: false,
  },
  mac: {
    target: [{ target: 'dmg', arch: ['arm64', 'x64'] }],
    category: 'public.app-category.education',
    hardenedRuntime: true,
  },
  dmg: {
    artifactName: 'MQTT-Lab-${version}-${arch}.${ext}',
  },
  linux: {
    target: [
      { target: 'AppImage', arch: ['x64'] },
      // arm64 .deb: Raspberry Pi OS 64-bit.
      { target: 'deb', arch: ['x64', 'arm64'] },
    ],
    executableName: 'mqtt-lab',
    syncDesktopName: true,
    category: 'Education',
    synopsis: 'A desktop teaching lab for MQTT',
    maintainer: 'MQTT Lab contributors',
    artifactName: '${name}-${version}-${arch}.${ext}',
  },
  deb: {
    // Serial ports belong to the dialout group; the README says how to join it.
    priority: 'optional',
  },
};

export default config;
