// Builds the three runtimes: main (Electron main, the headless host and the broker worker), preload, renderer.
// `npm run serve` runs out/main/host.js in plain Node; `npm start` runs out/main/index.js in Electron.
import { resolve } from 'node:path';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('src-main/main.ts'),
          host: resolve('src-main/host/cli.ts'),
          'broker-worker': resolve('src-main/services/broker/broker-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be CommonJS; the package is "type": "module", so name it .cjs.
      rollupOptions: {
        input: { index: resolve('src-preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src-renderer'),
    plugins: [vue()],
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: { index: resolve('src-renderer/index.html') } },
    },
  },
});
