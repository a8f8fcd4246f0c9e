// Builds the lab's services from the platform pieces each shell provides (how to fork the broker worker,
// where data lives, how secrets are sealed) and wires their events to the bus. Used by main.ts and the host.
import path from 'node:path';
import mqtt from 'mqtt';
import type { EventPayload } from '../../src-shared/contract/commands';
import type { ClientStatus } from '../../src-shared/contract/schemas';
import { errorText } from '../../src-shared/i18n/error-text';
import { COUNTERFIT_DEFAULT_PORT } from '../../src-shared/contract/nightlight';
import { LabError } from '../../src-shared/contract/result';
import { EventBus } from '../ipc/event-bus';
import type { Disposable } from '../lib/emitter';
import type { Logger } from '../lib/logger';
import { BoardService } from './board/board-service';
import { systemSerialBinding, type SerialBinding } from './board/serial-binding';
import { BrokerService, type ForkBrokerWorker } from './broker/broker-service';
import { ExplorerSavedFile } from './explorer/explorer-saved';
import { ExplorerService } from './explorer/explorer-service';
import { MqttClientService } from './mqtt/mqtt-client-service';
import { LessonService } from './lesson/lesson-service';
import { NightlightService } from './nightlight/nightlight-service';
import { PlaygroundService } from './playground/playground-service';
import { resolveConnection } from './mqtt/resolve-connection';
import { ProfileStore } from './profiles/profile-store';
import type { SecretStore } from './profiles/secret-store';
import { SettingsStore } from './settings/settings-store';

/** The client every screen shares for "the lab's broker"; other features open their own named clients. */
export const LAB_CLIENT_NAME = 'lab';

export interface LabOptions {
  dataDir: string;
  forkBrokerWorker: ForkBrokerWorker;
  secretStore: SecretStore;
  logger: Logger;
  brokerTcpPort: number;
  brokerWsPort: number;
  /** The nightlight's CounterFit-compatible HTTP address; 5000 like CounterFit when absent, 0 = any free port. */
  counterfitPort?: number;
  /** Serial ports: the system's by default; tests pass serialport's mock binding. */
  serialBinding?: SerialBinding;
  /** Where the broker's LAN mode listens: every interface by default; tests use 127.0.0.1 (MQTT_LAB_LAN_HOST). */
  brokerLanHost?: string;
}

export type LabServices = Awaited<ReturnType<typeof createLab>>;

function noSuchProfile(profileId: string): LabError {
  return new LabError('NOT_FOUND', errorText('errors.profiles.notFound', { id: profileId }), 'profileId');
}

export async function createLab(options: LabOptions) {
  const { logger } = options;
  const bus = new EventBus();
  const broker = new BrokerService({
    fork: options.forkBrokerWorker,
    host: '127.0.0.1',
    tcpPort: options.brokerTcpPort,
    wsPort: options.brokerWsPort,
    lanHost: options.brokerLanHost ?? process.env.MQTT_LAB_LAN_HOST ?? '0.0.0.0',
    // Sessions, queued QoS 1/2 messages and retained messages outlive a broker crash (emptied when the lab starts).
    storeDir: path.join(options.dataDir, 'broker', 'store'),
    logger,
  });
  const settings = new SettingsStore(path.join(options.dataDir, 'settings.json'));
  const profiles = new ProfileStore(path.join(options.dataDir, 'profiles.json'), options.secretStore);
  const resolve = async (profileId: string, clientIdOverride?: string) => {
    const secret = await profiles.getWithPassword(profileId);
    if (!secret) throw noSuchProfile(profileId);
    return resolveConnection(secret.profile, secret.password, broker.getStatus(), clientIdOverride);
  };
  const clients = new MqttClientService({ connect: mqtt.connect, resolve, logger });

  const explorer = new ExplorerService({
    clients,
    getProfile: (profileId) => profiles.get(profileId),
    getSettings: () => settings.get(),
    // Each broker profile's filters and the history limits stay across restarts.
    saved: new ExplorerSavedFile(path.join(options.dataDir, 'explorer', 'saved.json'), logger),
    logger,
  });

  const playground = new PlaygroundService({
    connect: mqtt.connect,
    // Playground clients take their broker's address (and login) from a profile but bring their own settings.
    resolveTarget: async (target) => resolve(target === 'builtin' ? 'builtin' : (await settings.get()).activeProfileId),
    logger,
  });

  const nightlight = await NightlightService.create({
    dataDir: options.dataDir,
    clients,
    connect: mqtt.connect,
    resolve,
    getProfile: (profileId) => profiles.get(profileId),
    brokerStatus: () => broker.getStatus(),
    studentId: async () => (await settings.get()).studentId,
    publish: (name, payload) => bus.publish(name, payload),
    logger,
    counterfitPort: options.counterfitPort ?? COUNTERFIT_DEFAULT_PORT,
  });

  const lesson = await LessonService.create({
    dataDir: options.dataDir,
    clients,
    settings,
    getProfile: (profileId) => profiles.get(profileId),
    onExperimentProgressed: (listener) => playground.onExperimentProgressed(listener),
    deviceState: () => nightlight.snapshot().device,
    onDeviceChanged: (listener) =>
      bus.subscribe((name, payload) => name === 'nightlight.deviceChanged' && listener(payload as EventPayload<'nightlight.deviceChanged'>)),
    publish: (state) => bus.publish('lesson.progressChanged', state),
    followStudentId: async (previousId, nextId) => {
      const { device, server } = nightlight.snapshot();
      if (device.settings.studentId === previousId) await nightlight.updateDevice({ studentId: nextId });
      if (server.settings.studentId === previousId) await nightlight.updateServer({ studentId: nextId });
    },
    logger,
  });

  const board = new BoardService({
    binding: options.serialBinding ?? systemSerialBinding(),
    clients,
    broker,
    settings,
    storePath: path.join(options.dataDir, 'board.json'),
    logger,
  });

  /**
   * Whose message batches go to the UI: the lab client and clients the UI opened itself (mqtt.connect). The lab's own
   * clients (lesson watch, nightlight server, USB bridge) are main-side business; the explorer and playground have their own events.
   */
  const uiClientNames = new Set<string>([LAB_CLIENT_NAME]);

  const subscriptions: Disposable[] = [
    board.onPortsChanged((ports) => bus.publish('board.portsChanged', ports)),
    board.onSerialChanged((status) => bus.publish('board.serialChanged', status)),
    board.onLinesAppended((batch) => bus.publish('board.linesAppended', batch)),
    board.onPlotAppended((batch) => bus.publish('board.plotAppended', batch)),
    board.onUnderstandingChanged((state) => bus.publish('board.understandingChanged', state)),
    board.onBridgeChanged((status) => bus.publish('board.bridgeChanged', status)),
    board.onLanChanged((status) => bus.publish('board.lanChanged', status)),
    explorer.onTreeUpdated((update) => bus.publish('explorer.treeUpdated', update)),
    explorer.onStatusChanged((status) => bus.publish('explorer.statusChanged', status)),
    broker.onStatusChanged((status) => bus.publish('broker.statusChanged', status)),
    clients.onStatusChanged((status) => bus.publish('mqtt.statusChanged', status)),
    clients.onMessages((batch) => uiClientNames.has(batch.clientName) && bus.publish('mqtt.messagesReceived', batch)),
    // The Lesson's profile bar (or settings.update) changed the student's ID: the explorer's "<ID>/#" follows it.
    settings.onChanged((next, previous) => next.studentId !== previous.studentId && void explorer.followStudentId(next.studentId)),
    playground.onClientsChanged((list) => bus.publish('playground.clientsChanged', { clients: list })),
    playground.onPacketsCaptured((entries) => bus.publish('playground.packetsCaptured', { entries })),
    playground.onExperimentProgressed((progress) => bus.publish('playground.experimentProgressed', progress)),
  ];

  async function useProfile(profileId: string): Promise<ClientStatus> {
    if (!(await profiles.get(profileId))) throw noSuchProfile(profileId);
    await settings.update({ activeProfileId: profileId });
    bus.publish('profiles.changed', { activeProfileId: profileId });
    void explorer.followProfile(profileId);
    return clients.connect(LAB_CLIENT_NAME, profileId);
  }

  /** A client the UI opens (mqtt.connect): its messages reach the UI as mqtt.messagesReceived. */
  function connectClient(clientName: string, profileId: string, clientId?: string): Promise<ClientStatus> {
    uiClientNames.add(clientName);
    return clients.connect(clientName, profileId, clientId);
  }

  /** Start the broker, then connect the lab client to the chosen profile. A failed connect is a status, not a crash. */
  async function start(): Promise<void> {
    await broker.start();
    const { activeProfileId } = await settings.get();
    const active = (await profiles.get(activeProfileId)) ? activeProfileId : 'builtin';
    try {
      await clients.connect(LAB_CLIENT_NAME, active);
    } catch (error) {
      logger.warn('The lab client could not connect at start', error);
    }
    await lesson.start();
    await explorer.start();
    await nightlight.start();
    await board.start();
  }

  async function dispose(): Promise<void> {
    for (const subscription of subscriptions) subscription.dispose();
    await board.dispose();
    await explorer.dispose();
    await lesson.dispose();
    await nightlight.dispose();
    await playground.dispose();
    await clients.dispose();
    await broker.dispose();
    bus.dispose();
  }

  return { bus, broker, settings, profiles, clients, explorer, nightlight, playground, board, lesson, useProfile, connectClient, start, dispose };
}
