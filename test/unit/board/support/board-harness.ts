// A BoardService on a fresh data folder with the fake serial binding, a real MqttClientService pointed at a test
// broker, and a stand-in for the broker's LAN switch. Every event is recorded. Not a test file itself.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mqtt from 'mqtt';
import type { MonitorLine } from '../../../../src-shared/contract/board';
import { settingsSchema } from '../../../../src-shared/contract/schemas';
import { Emitter } from '../../../../src-main/lib/emitter';
import { silentLogger } from '../../../../src-main/lib/logger';
import { BoardService } from '../../../../src-main/services/board/board-service';
import type { LanListenerStatus, LanSettings, LanStudentLogin } from '../../../../src-main/services/broker/broker-service';
import { MqttClientService } from '../../../../src-main/services/mqtt/mqtt-client-service';
import { resolveConnection } from '../../../../src-main/services/mqtt/resolve-connection';
import { profileFor, STOPPED_BROKER } from '../../mqtt/service-harness';
import { FakeBoardBinding } from './fake-binding';

export const STUDENT_ID = 'lab-board1';

/** Remembers what the board service asked of the broker's LAN mode; never listens anywhere. */
export class FakeLanBroker {
  calls: Array<LanSettings | null> = [];
  status: LanListenerStatus = { state: 'off', port: null, lanClients: 0, clients: [] };
  private readonly emitter = new Emitter<{ changed: LanListenerStatus }>();
  async setLan(settings: LanSettings | null): Promise<LanListenerStatus> {
    this.calls.push(settings);
    this.status = settings
      ? { state: 'on', port: settings.port === 1883 ? 1884 : settings.port, lanClients: 0, clients: [] }
      : { state: 'off', port: null, lanClients: 0, clients: [] };
    this.emitter.emit('changed', this.status);
    return this.status;
  }
  studentLists: LanStudentLogin[][] = [];
  kicked: string[] = [];
  async setLanStudents(students: LanStudentLogin[]): Promise<number> {
    this.studentLists.push(students);
    return 0;
  }
  async kickLanClient(clientId: string): Promise<number> {
    this.kicked.push(clientId);
    return 1;
  }
  getLanStatus(): LanListenerStatus {
    return { ...this.status };
  }
  onLanChanged(listener: (status: LanListenerStatus) => void) {
    return this.emitter.on('changed', listener);
  }
}

export interface BoardHarness {
  service: BoardService;
  binding: FakeBoardBinding;
  clients: MqttClientService;
  lan: FakeLanBroker;
  events: Array<{ name: string; payload: unknown }>;
  dataDir: string;
  lines(): MonitorLine[];
  dispose(): Promise<void>;
}

export async function createBoard(options: { brokerPort?: number; pollMs?: number; dataDir?: string; platform?: NodeJS.Platform } = {}): Promise<BoardHarness> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'board-'));
  const binding = new FakeBoardBinding();
  const profile = profileFor({ id: 'builtin', port: options.brokerPort ?? 1 });
  const clients = new MqttClientService({
    connect: mqtt.connect,
    resolve: async (_profileId, clientId) => resolveConnection(profile, undefined, STOPPED_BROKER, clientId),
    logger: silentLogger,
    batchIntervalMs: 20,
  });
  const lan = new FakeLanBroker();
  const settings = settingsSchema.parse({ studentId: STUDENT_ID, activeProfileId: 'builtin' });
  const service = new BoardService({
    binding,
    clients,
    broker: lan,
    settings: { get: async () => settings },
    storePath: path.join(dataDir, 'board.json'),
    logger: silentLogger,
    platform: options.platform ?? 'linux',
    networkInterfaces: () => ({
      lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: null }],
      wlan0: [{ address: '192.168.1.20', netmask: '255.255.255.0', family: 'IPv4', mac: '02:00:00:00:00:01', internal: false, cidr: null }],
    }),
    pathExists: () => false,
    pollMs: options.pollMs ?? 50,
  });
  const events: BoardHarness['events'] = [];
  service.onPortsChanged((payload) => events.push({ name: 'portsChanged', payload }));
  service.onSerialChanged((payload) => events.push({ name: 'serialChanged', payload }));
  service.onLinesAppended((payload) => events.push({ name: 'linesAppended', payload }));
  service.onPlotAppended((payload) => events.push({ name: 'plotAppended', payload }));
  service.onUnderstandingChanged((payload) => events.push({ name: 'understandingChanged', payload }));
  service.onBridgeChanged((payload) => events.push({ name: 'bridgeChanged', payload }));
  service.onLanChanged((payload) => events.push({ name: 'lanChanged', payload }));
  await service.start();
  return {
    service,
    binding,
    clients,
    lan,
    events,
    dataDir,
    lines: () => service.getLog(10_000),
    async dispose() {
      await service.dispose();
      await clients.dispose();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
