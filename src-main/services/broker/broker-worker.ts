// Entry of the broker's own process (Node child or Electron utility process): runs the servers on request and
// reports back. It never outlives its parent and never touches anything but its own sockets.
import { LabError } from '../../../src-shared/contract/result';
import { englishErrorMessage, errorText, type ErrorText } from '../../../src-shared/i18n/error-text';
import { parseBrokerRequest, type BrokerReport, type BrokerStoreConfig, type LanListenerConfig, type LanStudentLogin } from './broker-protocol';
import { startBrokerServers, type RunningBrokerServers } from './broker-servers';

/** Client counts go to the parent at most 4 times a second, however fast clients come and go. */
const CLIENT_REPORT_INTERVAL_MS = 250;
/** How often we check that the parent still exists, for the cases where no disconnect event arrives. */
const PARENT_CHECK_INTERVAL_MS = 1000;
/** A stop that hangs (a socket that will not close) must still end the process. */
const STOP_DEADLINE_MS = 2000;

interface ParentChannel {
  send(report: BrokerReport, done?: () => void): void;
  onMessage(listener: (message: unknown) => void): void;
}

/** What Electron puts on process.parentPort in a utility process; typed here because only src-main/app imports electron. */
interface UtilityParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
}

function connectToParent(): ParentChannel | null {
  const parentPort = (process as { parentPort?: UtilityParentPort }).parentPort;
  if (parentPort) {
    return {
      send(report, done) {
        parentPort.postMessage(report);
        // postMessage has no delivery callback: give the message a moment to leave before the process ends.
        if (done) setTimeout(done, 50);
      },
      onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)),
    };
  }
  const send = process.send?.bind(process);
  if (!send) return null;
  return {
    send(report, done) {
      if (!process.connected) return done?.();
      send(report, undefined, undefined, () => done?.());
    },
    onMessage: (listener) => process.on('message', listener),
  };
}

function watchParent(onGone: () => void): void {
  process.on('disconnect', onGone);
  const parentPid = process.ppid;
  setInterval(() => {
    if (process.ppid !== parentPid) onGone();
  }, PARENT_CHECK_INTERVAL_MS).unref();
}

function createClientCountReporter(report: (count: number) => void) {
  let latest = 0;
  let lastSent = 0;
  let lastSentAtMs = 0;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    if (latest === lastSent) return;
    lastSent = latest;
    lastSentAtMs = Date.now();
    report(latest);
  };
  return {
    update(count: number) {
      latest = count;
      if (!timer) timer = setTimeout(flush, Math.max(0, lastSentAtMs + CLIENT_REPORT_INTERVAL_MS - Date.now()));
    },
    cancel: () => clearTimeout(timer),
  };
}

/** What went wrong: the English, and its key when the error has one (a port that cannot be opened, ...). */
function failure(error: unknown): { message: string; text?: ErrorText } {
  const message = error instanceof Error ? error.message : String(error);
  return error instanceof LabError && error.text ? { message, text: error.text } : { message };
}

const NOT_RUNNING = errorText('errors.broker.notRunning');

function runWorker(channel: ParentChannel): void {
  const clients = createClientCountReporter((count) => channel.send({ type: 'clients', count }));
  let running: Promise<RunningBrokerServers | null> | null = null;
  let stopping = false;

  async function start(host: string, tcpPort: number, wsPort: number, store?: BrokerStoreConfig): Promise<RunningBrokerServers | null> {
    try {
      const servers = await startBrokerServers({
        host,
        tcpPort,
        wsPort,
        store,
        onClientCountChanged: clients.update,
        onLanClientsChanged: (lanClients) => channel.send({ type: 'lan-clients', clients: lanClients }),
      });
      const storeNote = servers.storeNote ? { storeNote: servers.storeNote } : {};
      channel.send({ type: 'listening', tcpPort: servers.tcpPort, wsPort: servers.wsPort, ...storeNote });
      return servers;
    } catch (error) {
      channel.send({ type: 'failed', ...failure(error) }, () => process.exit(1));
      return null;
    }
  }

  async function stop(): Promise<void> {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(0), STOP_DEADLINE_MS).unref();
    clients.cancel();
    const servers = await running;
    await servers?.close();
    channel.send({ type: 'stopped' }, () => process.exit(0));
  }

  // LAN requests run one after another, in the order they came.
  let lanQueue: Promise<void> = Promise.resolve();
  const lan = (work: (servers: RunningBrokerServers) => Promise<BrokerReport>) => {
    lanQueue = lanQueue.then(async () => {
      const servers = await running;
      // Every LAN request gets exactly one answer: the supervisor pairs them up in order.
      if (!servers || stopping) return channel.send({ type: 'lan-failed', message: englishErrorMessage(NOT_RUNNING), text: NOT_RUNNING });
      channel.send(await work(servers).catch((error: unknown) => ({ type: 'lan-failed' as const, ...failure(error) })));
    });
  };
  const openLan = (config: LanListenerConfig) =>
    lan(async (servers) => ({ type: 'lan-listening', port: await servers.openLan(config) }));
  const closeLan = () =>
    lan(async (servers) => {
      await servers.closeLan();
      return { type: 'lan-closed' };
    });

  const setStudents = (students: LanStudentLogin[]) =>
    lan(async (servers) => ({ type: 'lan-updated', kicked: servers.setLanStudents(students) }));
  const kick = (clientId: string) => lan(async (servers) => ({ type: 'lan-updated', kicked: servers.kickLan(clientId) }));

  channel.onMessage((message) => {
    const request = parseBrokerRequest(message);
    if (request?.type === 'start' && !running && !stopping) running = start(request.host, request.tcpPort, request.wsPort, request.store);
    if (request?.type === 'stop') void stop();
    if (request?.type === 'lan-open') openLan(request);
    if (request?.type === 'lan-close') closeLan();
    if (request?.type === 'lan-students') setStudents(request.students);
    if (request?.type === 'lan-kick') kick(request.clientId);
  });
  // The OS closes our sockets when we exit, so nothing else needs cleaning up when the parent is gone.
  watchParent(() => process.exit(0));
}

const channel = connectToParent();
if (channel) {
  runWorker(channel);
} else {
  process.stderr.write('broker-worker runs inside MQTT Lab; start the lab instead of this file.\n');
  process.exit(1);
}
