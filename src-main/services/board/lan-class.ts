// The teacher's class on the LAN broker: students with their own login (username = <ID>, limited to `<ID>/`), a
// password made here and shown once, kept only as a scrypt hash; removing, blocking and kicking. Never keeps a password.
import type { LanStudent } from '../../../src-shared/contract/board';
import { LabError } from '../../../src-shared/contract/result';
import type { BrokerService, LanStudentLogin } from '../broker/broker-service';
import { hashPassword } from '../broker/student-password';
import { errorText } from '../../../src-shared/i18n/error-text';
import { generatePassword, LAN_USERNAME, type BoardStore, type StoredStudent } from './board-store';

export interface LanClassDeps {
  broker: Pick<BrokerService, 'setLanStudents' | 'kickLanClient' | 'getLanStatus'>;
  store: BoardStore;
  now?: () => number;
}

export class LanClass {
  private students: StoredStudent[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: LanClassDeps) {}

  async start(): Promise<void> {
    this.students = await this.deps.store.students();
  }

  list(): LanStudent[] {
    return this.students.map(({ id, addedAtMs, blocked }) => ({ id, addedAtMs, blocked }));
  }

  /** What the broker worker needs to check logins: hashes, never passwords. */
  logins(): LanStudentLogin[] {
    return this.students.map(({ id, salt, hash, blocked }) => ({ id, salt, hash, blocked }));
  }

  /** Adds a student; resolves with their new password (the only time it exists outside a board). */
  add(id: string): Promise<string> {
    return this.serial(() => this.addNow(id));
  }

  private async addNow(id: string): Promise<string> {
    if (id === LAN_USERNAME) {
      throw new LabError('INVALID_INPUT', errorText('errors.board.sharedLogin', { username: LAN_USERNAME }), 'studentId');
    }
    if (this.find(id)) {
      throw new LabError('INVALID_INPUT', errorText('errors.board.studentExists', { id }), 'studentId');
    }
    return this.setPassword(id, this.deps.now?.() ?? Date.now());
  }

  /** A new password for a student: their boards are disconnected, and a kicked (blocked) student may log in again. */
  renew(id: string): Promise<string> {
    return this.serial(() => this.setPassword(id, this.require(id).addedAtMs));
  }

  remove(id: string): Promise<void> {
    return this.serial(() => this.removeNow(id));
  }

  private async removeNow(id: string): Promise<void> {
    this.require(id);
    this.students = await this.deps.store.removeStudent(id);
    await this.push();
  }

  /** Disconnects a LAN client; when it logged in as a student, that student stays blocked until a new password. */
  kick(clientId: string): Promise<void> {
    return this.serial(() => this.kickNow(clientId));
  }

  private async kickNow(clientId: string): Promise<void> {
    const client = this.deps.broker.getLanStatus().clients.find((candidate) => candidate.clientId === clientId);
    if (!client) {
      throw new LabError('NOT_FOUND', errorText('errors.board.lanGone', { clientId }), 'clientId');
    }
    const student = client.studentId === null ? undefined : this.find(client.studentId);
    if (student && !student.blocked) {
      // Blocking also ends every connection of that student (the worker checks the new list).
      this.students = await this.deps.store.putStudent({ ...student, blocked: true });
      await this.push();
    }
    await this.deps.broker.kickLanClient(clientId);
  }

  /** Changes run one after another, each seeing the last one's result: a double-clicked Add makes one password. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async setPassword(id: string, addedAtMs: number): Promise<string> {
    const password = generatePassword();
    this.students = await this.deps.store.putStudent({ id, ...(await hashPassword(password)), addedAtMs, blocked: false });
    await this.push();
    return password;
  }

  private async push(): Promise<void> {
    await this.deps.broker.setLanStudents(this.logins());
  }

  private find(id: string): StoredStudent | undefined {
    return this.students.find((student) => student.id === id);
  }

  private require(id: string): StoredStudent {
    const student = this.find(id);
    if (!student) throw new LabError('NOT_FOUND', errorText('errors.board.noStudent', { id }), 'studentId');
    return student;
  }
}
