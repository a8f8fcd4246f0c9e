// A stand-in for the lab's main process: starts the broker worker, prints its pid, then waits to be killed.
// Used by broker-service.test.ts to check that the worker does not outlive its parent.
import { silentLogger } from '../../../../src-main/lib/logger';
import { BrokerService } from '../../../../src-main/services/broker/broker-service';
import { createNodeBrokerFork } from '../../../../src-main/services/broker/node-fork';
import { WORKER_SOURCE } from './broker-test-kit';

const broker = new BrokerService({
  fork: createNodeBrokerFork(WORKER_SOURCE, ['--import', 'tsx']),
  host: '127.0.0.1',
  tcpPort: 0,
  wsPort: 0,
  logger: silentLogger,
});
await broker.start();
process.stdout.write(`${JSON.stringify({ workerPid: broker.workerPid })}\n`);
setInterval(() => {}, 60_000);
