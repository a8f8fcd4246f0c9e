// A student's will outside `<ID>/` is dropped when the login is accepted, before aedes stores it: a will kept in the
// broker's on-disk store through a crash is later published with no client, past the publish guard.
import type { Client } from 'aedes';
import { describe, expect, it } from 'vitest';
import { LanAccess } from '../../../src-main/services/broker/lan-access';
import type { LanListener } from '../../../src-main/services/broker/lan-listener';

function clientWithWill(conn: object, topic: string) {
  return { conn, _will: { topic, payload: Buffer.from('gone'), qos: 0, retain: false } } as unknown as Client & { _will: unknown };
}

describe('LanAccess.dropForeignWill', () => {
  const studentSocket = {};
  const loopbackSocket = {};
  const lan = {
    identityOf: (conn: unknown) => (conn === studentSocket ? { kind: 'student', studentId: 'alpha' } : undefined),
  } as unknown as LanListener;
  const access = new LanAccess(lan, () => undefined);

  it("drops a student's will on another student's topic", () => {
    const client = clientWithWill(studentSocket, 'bravo/commands');
    access.dropForeignWill(client);
    expect(client._will).toBeNull();
  });

  it("keeps a student's will under their own <ID>/, and any will of a loopback client", () => {
    const own = clientWithWill(studentSocket, 'alpha/status');
    const local = clientWithWill(loopbackSocket, 'bravo/commands');
    access.dropForeignWill(own);
    access.dropForeignWill(local);
    expect(own._will).toMatchObject({ topic: 'alpha/status' });
    expect(local._will).toMatchObject({ topic: 'bravo/commands' });
  });
});
