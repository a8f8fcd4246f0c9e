// Test helpers for the Playground: a PlaygroundService whose targets point at a test broker, with every event
// it emits recorded. Not a test file itself.
import mqtt from 'mqtt';
import type { ExperimentProgress, LogEntry, PacketEntry, PlaygroundClient } from '../../../src-shared/contract/playground';
import { silentLogger } from '../../../src-main/lib/logger';
import { resolveConnection } from '../../../src-main/services/mqtt/resolve-connection';
import { PlaygroundService } from '../../../src-main/services/playground/playground-service';
import { profileFor, STOPPED_BROKER } from '../mqtt/service-harness';

export interface PlaygroundHarness {
  service: PlaygroundService;
  entries: LogEntry[];
  clientEvents: PlaygroundClient[][];
  progress: ExperimentProgress[];
  packets(filter?: Partial<PacketEntry>): PacketEntry[];
  client(key: string): PlaygroundClient;
}

/** Both targets point at the broker on 127.0.0.1:port (the built-in and the "active profile" are the same here). */
export function createPlayground(port: number, options: { connectTimeoutMs?: number } = {}): PlaygroundHarness {
  const entries: LogEntry[] = [];
  const clientEvents: PlaygroundClient[][] = [];
  const progress: ExperimentProgress[] = [];
  const service = new PlaygroundService({
    connect: mqtt.connect,
    logger: silentLogger,
    batchIntervalMs: 20,
    ...options,
    resolveTarget: async () => resolveConnection(profileFor({ port }), undefined, STOPPED_BROKER),
  });
  service.onPacketsCaptured((batch) => entries.push(...batch));
  service.onClientsChanged((clients) => clientEvents.push(clients));
  service.onExperimentProgressed((event) => progress.push(event));
  return {
    service,
    entries,
    clientEvents,
    progress,
    packets: (filter = {}) =>
      entries.filter(
        (entry): entry is PacketEntry =>
          entry.kind === 'packet' && Object.entries(filter).every(([key, value]) => entry[key as keyof PacketEntry] === value),
      ),
    client: (key) => {
      const found = service.listClients().find((client) => client.key === key);
      if (!found) throw new Error(`no playground client ${key}`);
      return found;
    },
  };
}

export async function waitFor<T>(condition: () => T | undefined | false, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
