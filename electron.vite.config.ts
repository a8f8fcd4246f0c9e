// Builds the three runtimes: main (Electron main, the headless host and the broker worker), preload, renderer.
// `npm run serve` runs out/main/host.js in plain Node; `npm start` runs out/main/index.js in Electron.
import { basename, resolve } from 'node:path';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'electron-vite';

// MQTT_LAB_OUT_DIR names a separate build folder for parallel builds on one machine. It always lands in .out/<name>
// inside the project, because the built main side must find node_modules from where it sits.
const outDir = process.env.MQTT_LAB_OUT_DIR ? resolve('.out', basename(process.env.MQTT_LAB_OUT_DIR)) : resolve('out');

export default defineConfig({
  main: {
    build: {
      outDir: resolve(outDir, 'main'),
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
      outDir: resolve(outDir, 'preload'),
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
    // vue-i18n compile-time flags: composition API only, no devtools in production.
    define: {
      __VUE_I18N_FULL_INSTALL__: 'true',
      __VUE_I18N_LEGACY_API__: 'false',
      __INTLIFY_PROD_DEVTOOLS__: 'false',
    },
    build: {
      outDir: resolve(outDir, 'renderer'),
      rollupOptions: { input: { index: resolve('src-renderer/index.html') } },
    },
  },
});
