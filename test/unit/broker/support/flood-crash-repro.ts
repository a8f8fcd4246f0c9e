// Repeats the aedes flood+kill crash in fresh processes and counts how often the broker dies, to compare aedes
// settings. Not a test: run `npx tsx test/unit/broker/support/flood-crash-repro.ts --runs 20 --concurrency 100`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import mqtt from 'mqtt';
import { AEDES_OPTIONS, startBrokerServers } from '../../../../src-main/services/broker/broker-servers';
import { floodWhileSubscriberDies } from './flood';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** One run: broker in this process, flood, then prove the broker still routes a message. Exit 0 = survived. */
async function runOnce(concurrency: number | undefined): Promise<void> {
  process.on('uncaughtException', (error) => {
    process.stdout.write(`CRASH ${error.name}: ${error.message}\n${error.stack?.split('\n').slice(1, 6).join('\n')}\n`);
    process.exit(1);
  });
  const aedesOptions = concurrency === undefined ? AEDES_OPTIONS : { concurrency };
  const servers = await startBrokerServers({ host: '127.0.0.1', tcpPort: 0, wsPort: 0, onClientCountChanged() {}, aedesOptions });
  await floodWhileSubscriberDies({ port: servers.tcpPort, killAfterMs: Number(argument('kill-after-ms') ?? 300), floodAfterKillMs: 700 });
  const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${servers.tcpPort}`, { reconnectPeriod: 0 });
  await client.subscribeAsync('after/flood');
  const received = new Promise((resolve) => client.once('message', resolve));
  await client.publishAsync('after/flood', 'still here');
  await received;
  await client.endAsync();
  await servers.close();
  process.stdout.write('SURVIVED\n');
  process.exit(0);
}

function runMany(runs: number, concurrencyArgument: string | undefined): void {
  const script = fileURLToPath(import.meta.url);
  let crashes = 0;
  for (let run = 1; run <= runs; run += 1) {
    const passOn = ['concurrency', 'kill-after-ms'].flatMap((name) => (argument(name) ? [`--${name}`, argument(name) ?? ''] : []));
    const args = ['--import', 'tsx', script, '--child', ...passOn];
    const result = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 20_000 });
    const crashed = result.status !== 0;
    if (crashed) crashes += 1;
    const firstLine = (result.stdout || result.stderr || '').split('\n')[0];
    process.stdout.write(`run ${run}: ${crashed ? 'broker died' : 'survived'} (${firstLine})\n`);
  }
  const setting = concurrencyArgument ? `concurrency ${concurrencyArgument}` : `the lab's setting ${JSON.stringify(AEDES_OPTIONS)}`;
  process.stdout.write(`${crashes} of ${runs} runs crashed with ${setting}\n`);
}

const concurrencyArgument = argument('concurrency');
if (process.argv.includes('--child')) {
  await runOnce(concurrencyArgument === undefined ? undefined : Number(concurrencyArgument));
} else {
  runMany(Number(argument('runs') ?? 20), concurrencyArgument);
}
