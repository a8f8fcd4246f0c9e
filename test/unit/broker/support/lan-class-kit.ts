// Shared pieces for the LAN class tests: a real broker worker with the LAN listener open and two students, the
// CONNACK return code a login gets, and a collector of every message a client receives (to check what did NOT arrive).
import mqtt from 'mqtt';
import type { BrokerService, LanStudentLogin } from '../../../../src-main/services/broker/broker-service';
import { hashPassword } from '../../../../src-main/services/broker/student-password';
import { createTestBroker } from './broker-test-kit';

export const TEACHER = { username: 'mqttlab-board', password: 'k7Qm2xPz9RtW4vNs' };
export const PASSWORD_A = 'aaaaBBBBccccDDDD';
export const PASSWORD_B = 'eeeeFFFFggggHHHH';

export async function student(id: string, password: string, blocked = false): Promise<LanStudentLogin> {
  return { id, ...(await hashPassword(password)), blocked };
}

/** A running broker with LAN mode on; the students default to alpha (PASSWORD_A) and bravo (PASSWORD_B). */
export async function classBroker(students?: LanStudentLogin[]): Promise<{ broker: BrokerService; lanPort: number; loopbackPort: number }> {
  const broker = createTestBroker({ lanHost: '127.0.0.1' });
  const status = await broker.start();
  const list = students ?? [await student('alpha', PASSWORD_A), await student('bravo', PASSWORD_B)];
  const lan = await broker.setLan({ port: 0, ...TEACHER, students: list });
  return { broker, lanPort: lan.port!, loopbackPort: status.tcpPort! };
}

/** Connects, and resolves with the CONNACK return code (0 = accepted); the client is always ended. */
export function connackCode(port: number, options: mqtt.IClientOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const client = mqtt.connect(`mqtt://127.0.0.1:${port}`, { reconnectPeriod: 0, connectTimeout: 10_000, ...options });
    client.once('connect', () => client.end(true, () => resolve(0)));
    client.once('error', (error) => {
      client.end(true);
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'number') resolve(code);
      else reject(error);
    });
  });
}

/** Collects every message a client gets, so a test can check that something did NOT arrive. */
export function collect(client: mqtt.MqttClient): string[] {
  const seen: string[] = [];
  client.on('message', (topic, payload) => seen.push(`${topic} ${payload.toString()}`));
  return seen;
}

export const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));
