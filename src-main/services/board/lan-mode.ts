// The Board page's LAN switch: opens the built-in broker to the local network with the generated credentials and the
// class's student logins, lists this computer's addresses and writes config.h files. The listening is the broker's job.
import type { NetworkInterfaceInfo } from 'node:os';
import type { BoardConfig, LanBrokerStatus, LanStudentLogin } from '../../../src-shared/contract/board';
import { LabError } from '../../../src-shared/contract/result';
import { errorText } from '../../../src-shared/i18n/error-text';
import type { Disposable } from '../../lib/emitter';
import type { BrokerService, LanListenerStatus } from '../broker/broker-service';
import { boardConfig, isSafeAddress } from './board-config';
import { generatePassword, type BoardStore, type LanCredentials } from './board-store';
import { Coalescer } from './coalescer';
import { LanClass } from './lan-class';
import { lanAddresses } from './lan-addresses';

export interface LanModeDeps {
  broker: Pick<BrokerService, 'setLan' | 'getLanStatus' | 'onLanChanged' | 'setLanStudents' | 'kickLanClient'>;
  store: BoardStore;
  networkInterfaces: () => NodeJS.Dict<NetworkInterfaceInfo[]>;
  publish: (status: LanBrokerStatus) => void;
}

export class LanMode {
  private enabled = false;
  private credentials: LanCredentials | null = null;
  /** The port that worked, being saved; awaited before answering and before closing. */
  private saving: Promise<void> = Promise.resolve();
  private readonly subscription: Disposable;
  private readonly coalescer: Coalescer;
  private readonly classList: LanClass;

  constructor(private readonly deps: LanModeDeps) {
    this.classList = new LanClass({ broker: deps.broker, store: deps.store });
    this.coalescer = new Coalescer(() => deps.publish(this.getStatus()));
    this.subscription = deps.broker.onLanChanged((status) => {
      if (status.state === 'on' && status.port !== null && this.credentials && status.port !== this.credentials.port) {
        // Keep the port that worked, so the board's config.h still matches after the lab restarts.
        this.saving = deps.store.updateLan({ port: status.port }).then(
          (saved) => {
            this.credentials = saved;
          },
          () => undefined,
        );
      }
      this.coalescer.schedule();
    });
  }

  async start(): Promise<void> {
    this.credentials = await this.deps.store.lanCredentials();
    await this.classList.start();
  }

  getStatus(): LanBrokerStatus {
    const broker: LanListenerStatus = this.deps.broker.getLanStatus();
    return {
      enabled: this.enabled,
      state: this.enabled ? broker.state : 'off',
      port: this.enabled ? broker.port : null,
      username: this.credentials?.username ?? '',
      password: this.credentials?.password ?? '',
      addresses: lanAddresses(this.deps.networkInterfaces()),
      lanClients: this.enabled ? broker.lanClients : 0,
      clients: this.enabled ? broker.clients : [],
      students: this.classList.list(),
      message: this.enabled ? broker.message : undefined,
      ...(this.enabled && broker.messageText ? { messageText: broker.messageText } : {}),
    };
  }

  async setEnabled(enabled: boolean): Promise<LanBrokerStatus> {
    const credentials = await this.requireCredentials();
    this.enabled = enabled;
    await this.deps.broker.setLan(enabled ? { ...credentials, students: this.classList.logins() } : null);
    await this.saving;
    return this.publishNow();
  }

  /** A new password; boards logged in with the old one are disconnected (the listener reopens with the new one). */
  async renewPassword(): Promise<LanBrokerStatus> {
    this.credentials = await this.deps.store.updateLan({ password: generatePassword() });
    // Reopening the listener with the new password drops every connection made with the old one.
    if (this.enabled) await this.deps.broker.setLan({ ...this.credentials, students: this.classList.logins() });
    return this.publishNow();
  }

  /** Adds a student; the answer holds their password and config.h, shown once. */
  async addStudent(studentId: string): Promise<LanStudentLogin> {
    return this.studentLogin(studentId, await this.classList.add(studentId));
  }

  async renewStudentPassword(studentId: string): Promise<LanStudentLogin> {
    return this.studentLogin(studentId, await this.classList.renew(studentId));
  }

  async removeStudent(studentId: string): Promise<LanBrokerStatus> {
    await this.classList.remove(studentId);
    return this.publishNow();
  }

  /** Disconnects a LAN client; a student's login stays blocked until the teacher makes them a new password. */
  async kickClient(clientId: string): Promise<LanBrokerStatus> {
    await this.classList.kick(clientId);
    return this.publishNow();
  }

  async config(studentId: string, address: string | undefined, login?: { username: string; password: string }): Promise<BoardConfig> {
    const credentials = { ...(await this.requireCredentials()), ...login };
    if (address !== undefined && !isSafeAddress(address)) {
      throw new LabError('INVALID_INPUT', errorText('errors.board.badAddress', { address }), 'address');
    }
    const status = this.getStatus();
    const firstIpv4 = status.addresses.find((entry) => entry.family === 'IPv4')?.address ?? null;
    return boardConfig({
      studentId,
      brokerAddress: address ?? firstIpv4,
      port: status.port ?? credentials.port,
      username: credentials.username,
      password: credentials.password,
      lanOn: status.state === 'on',
    });
  }

  async dispose(): Promise<void> {
    await this.saving;
    this.subscription.dispose();
    this.coalescer.dispose();
  }

  private async studentLogin(studentId: string, password: string): Promise<LanStudentLogin> {
    const config = await this.config(studentId, undefined, { username: studentId, password });
    const lan = this.publishNow();
    const student = lan.students.find((entry) => entry.id === studentId)!;
    return { student, username: studentId, password, config, lan };
  }

  private async requireCredentials(): Promise<LanCredentials> {
    this.credentials ??= await this.deps.store.lanCredentials();
    return this.credentials;
  }

  /** The switch itself changed: say so now, even when the broker's LAN status did not change. */
  private publishNow(): LanBrokerStatus {
    this.coalescer.flushNow();
    const status = this.getStatus();
    this.deps.publish(status);
    return status;
  }
}
