// The Electron composition root: the only file that decides which services the desktop app is made of.
// It must not import 'electron' itself; everything Electron lives in src-main/app/.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runElectronApp } from './app/electron-app';
import { SafeStorageSecretStore } from './app/safe-storage-secret-store';
import { createUtilityBrokerFork } from './app/utility-broker-fork';
import { createDispatcher } from './ipc/dispatcher';
import { createHandlers } from './ipc/handlers';
import { createConsoleLogger } from './lib/logger';
import { createLab } from './services/create-lab';

const logger = createConsoleLogger('main');

runElectronApp({
  // The bundle runs as out/main/index.js; preload, renderer and broker worker are found from here.
  mainDir: path.dirname(fileURLToPath(import.meta.url)),
  logger,
  async buildLab({ dataDir, version, paths }) {
    const lab = await createLab({
      dataDir,
      forkBrokerWorker: createUtilityBrokerFork(paths.brokerWorker),
      secretStore: await SafeStorageSecretStore.create(),
      logger,
      brokerTcpPort: 1883,
      brokerWsPort: 9001,
    });
    const dispatch = createDispatcher(createHandlers(lab, { version, shell: 'electron' }), logger);
    return { lab, dispatch };
  },
});
