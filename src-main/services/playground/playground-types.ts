// Shapes shared by the playground's client, service and experiments that are not part of the contract.
// Types only.
import type { Packet } from 'mqtt';
import type { PlaygroundClient as ClientView } from '../../../src-shared/contract/playground';
import type { Qos } from '../../../src-shared/contract/schemas';

export type ClientSettings = Pick<ClientView, 'name' | 'clientId' | 'cleanSession' | 'keepaliveSeconds' | 'protocolVersion' | 'will'>;

export interface ReceivedPublish {
  topic: string;
  payload: Buffer;
  qos: Qos;
  retain: boolean;
  dup: boolean;
  atMs: number;
}

/** A packet as mqtt.js sent or received it (before any fault in the proxy). */
export interface SeenPacket {
  direction: 'toBroker' | 'toClient';
  packet: Packet;
}
