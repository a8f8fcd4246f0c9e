// Builds the lab's services from the platform pieces each shell provides (how to fork the broker worker,
// where data lives, how secrets are sealed) and wires their events to the bus. Used by main.ts and the host.
import path from 'node:path';
import mqtt from 'mqtt';
import type { ClientStatus } from '../../src-shared/contract/schemas';
import { LabError } from '../../src-shared/contract/result';
import { EventBus } from '../ipc/event-bus';
import type { Disposable } from '../lib/emitter';
import type { Logger } from '../lib/logger';
import { BrokerService, type ForkBrokerWorker } from './broker/broker-service';
import { MqttClientService } from './mqtt/mqtt-client-service';
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
}

export type LabServices = Awaited<ReturnType<typeof createLab>>;

export async function createLab(options: LabOptions) {
  const { logger } = options;
  const bus = new EventBus();
  const broker = new BrokerService({
    fork: options.forkBrokerWorker,
    host: '127.0.0.1',
    tcpPort: options.brokerTcpPort,
    wsPort: options.brokerWsPort,
    logger,
  });
  const settings = new SettingsStore(path.join(options.dataDir, 'settings.json'));
  const profiles = new ProfileStore(path.join(options.dataDir, 'profiles.json'), options.secretStore);
  const clients = new MqttClientService({
    connect: mqtt.connect,
    resolve: async (profileId, clientIdOverride) => {
      const secret = await profiles.getWithPassword(profileId);
      if (!secret) throw new LabError('NOT_FOUND', `There is no broker profile "${profileId}". Pick one in the connection dialog.`, 'profileId');
      return resolveConnection(secret.profile, secret.password, broker.getStatus(), clientIdOverride);
    },
    logger,
  });

  const subscriptions: Disposable[] = [
    broker.onStatusChanged((status) => bus.publish('broker.statusChanged', status)),
    clients.onStatusChanged((status) => bus.publish('mqtt.statusChanged', status)),
    clients.onMessages((batch) => bus.publish('mqtt.messagesReceived', batch)),
  ];

  async function useProfile(profileId: string): Promise<ClientStatus> {
    if (!(await profiles.get(profileId))) {
      throw new LabError('NOT_FOUND', `There is no broker profile "${profileId}". Pick one in the connection dialog.`, 'profileId');
    }
    await settings.update({ activeProfileId: profileId });
    bus.publish('profiles.changed', { activeProfileId: profileId });
    return clients.connect(LAB_CLIENT_NAME, profileId);
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
  }

  async function dispose(): Promise<void> {
    for (const subscription of subscriptions) subscription.dispose();
    await clients.dispose();
    await broker.dispose();
    bus.dispose();
  }

  return { bus, broker, settings, profiles, clients, useProfile, start, dispose };
}
