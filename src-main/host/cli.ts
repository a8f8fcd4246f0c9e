// Entry of the headless host (`npm run serve`): the same lab services as the desktop app, served to a browser.
// Prints exactly one ready line on stdout; logs go to stderr. Stops everything it started on SIGINT/SIGTERM.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { version } from '../../package.json';
import { createDispatcher } from '../ipc/dispatcher';
import { createHandlers } from '../ipc/handlers';
import { createConsoleLogger } from '../lib/logger';
import { createNodeBrokerFork } from '../services/broker/node-fork';
import { createLab } from '../services/create-lab';
import { PlainSecretStore } from '../services/profiles/secret-store';
import { startHostServer } from './host-server';
import { parseHostArgs, UsageError, type HostOptions } from './parse-args';

const here = path.dirname(fileURLToPath(import.meta.url));
const logger = createConsoleLogger('host', process.env.MQTT_LAB_LOG === 'debug' ? 'debug' : 'info');

export function formatReadyLine(uiUrl: string, tcpPort: number | null, wsPort: number | null, counterfitPort: number | null = null): string {
  const counterfit = counterfitPort === null ? '' : ` counterfit=http://127.0.0.1:${counterfitPort}`;
  return `MQTT Lab ready: ${uiUrl} broker=mqtt://127.0.0.1:${tcpPort ?? '?'} ws=ws://127.0.0.1:${wsPort ?? '?'}${counterfit}`;
}

async function run(options: HostOptions): Promise<void> {
  const lab = await createLab({
    dataDir: options.dataDir,
    forkBrokerWorker: createNodeBrokerFork(path.join(here, 'broker-worker.js')),
    secretStore: new PlainSecretStore(),
    logger,
    brokerTcpPort: options.brokerPort,
    brokerWsPort: options.wsPort,
    counterfitPort: options.counterfitPort,
  });
  const dispatch = createDispatcher(createHandlers(lab, { version, shell: 'browser' }), logger);
  const server = await startHostServer({
    dispatch,
    bus: lab.bus,
    rendererDir: path.join(here, '../renderer'),
    port: options.uiPort,
    token: randomBytes(16).toString('hex'),
    logger,
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await lab.dispose();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  await lab.start();
  const broker = lab.broker.getStatus();
  process.stdout.write(`${formatReadyLine(server.url, broker.tcpPort, broker.wsPort, lab.nightlight.getCounterfit().port)}\n`);
}

try {
  await run(parseHostArgs(process.argv.slice(2)));
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  logger.error('MQTT Lab could not start', error);
  process.exit(1);
}
