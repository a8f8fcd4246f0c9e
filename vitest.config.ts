// Vitest projects: unit (plain Node services), contract, interop (real mosquitto/paho peers), property (fast-check), crash (SIGKILL),
// packaging (electron-builder against a stand-in Electron), renderer (happy-dom).
// e2e runs separately with Playwright against `npm run serve`.
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', environment: 'node', include: ['test/unit/**/*.test.ts'], testTimeout: 20_000 } },
      { test: { name: 'contract', environment: 'node', include: ['test/contract/**/*.test.ts'], testTimeout: 20_000 } },
      {
        test: {
          name: 'interop',
          environment: 'node',
          include: ['test/interop/**/*.test.ts'],
          testTimeout: 30_000,
          fileParallelism: false,
        },
      },
      {
        // fast-check properties: random inputs at the contract, the broker's ports, the serial bridge, the matcher.
        test: { name: 'property', environment: 'node', include: ['test/property/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000, fileParallelism: false },
      },
      {
        // SIGKILL the real headless host during writes, many times (starts and kills processes; one file at a time).
        test: { name: 'crash', environment: 'node', include: ['test/crash/**/*.test.ts'], testTimeout: 300_000, fileParallelism: false },
      },
      // Packages the app with electron-builder against a stand-in Electron folder (about a minute): test/packaging.
      {
        test: {
          name: 'packaging',
          environment: 'node',
          include: ['test/packaging/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 300_000,
        },
      },
      {
        plugins: [vue()],
        test: { name: 'renderer', environment: 'happy-dom', include: ['test/renderer/**/*.test.ts'] },
      },
    ],
  },
});
