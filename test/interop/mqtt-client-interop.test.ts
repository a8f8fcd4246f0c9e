// MqttClientService against real peers: Debian mosquitto_sub/mosquitto_pub on the aedes test broker,
// and the real Debian mosquitto broker started by the test.
import { spawn } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMosquitto, type RunningMosquitto } from '../support/mosquitto';
import { startTestBroker, type TestBroker } from '../support/test-broker';
import { createHarness, profileFor, waitFor, type Harness } from '../unit/mqtt/service-harness';

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[]): { done: Promise<Finished>; finished: () => boolean; kill: () => void } {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let exited = false;
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Finished>((resolve) =>
    child.once('close', (code) => {
      exited = true;
      resolve({ code, stdout, stderr });
    }),
  );
  return { done, finished: () => exited, kill: () => !exited && child.kill('SIGTERM') };
}

describe('interop with mosquitto tools and broker', () => {
  let lab: Harness;
  let broker: TestBroker | undefined;
  let mosquitto: RunningMosquitto | undefined;
  const processes: Array<{ kill: () => void; done: Promise<Finished> }> = [];

  beforeEach(() => {
    broker = undefined;
    mosquitto = undefined;
  });
  afterEach(async () => {
    for (const child of processes.splice(0)) {
      child.kill();
      await child.done;
    }
    await lab?.service.dispose();
    await broker?.close();
    await mosquitto?.stop();
  });

  it('mosquitto_sub sees a message that MqttClientService publishes', async () => {
    broker = await startTestBroker();
    lab = createHarness({ test: { profile: profileFor({ port: broker.port }) } });
    await lab.service.connect('lab', 'test');
    const sub = run('mosquitto_sub', ['-h', '127.0.0.1', '-p', String(broker.port), '-t', 'interop/#', '-v', '-C', '1', '-W', '10']);
    processes.push(sub);
    // mosquitto_sub needs a moment to subscribe; keep publishing until it has printed one message and exited.
    await waitFor(() => {
      if (!sub.finished()) void lab.service.publish({ clientName: 'lab', topic: 'interop/lamp', payload: 'on from MQTT Lab', payloadEncoding: 'utf8', qos: 1, retain: false });
      return sub.finished();
    }, 'mosquitto_sub to receive', 12_000);
    const result = await sub.done;
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe('interop/lamp on from MQTT Lab');
  });

  it('a message sent by mosquitto_pub reaches an MqttClientService client', async () => {
    broker = await startTestBroker();
    lab = createHarness({ test: { profile: profileFor({ port: broker.port }) } });
    await lab.service.connect('explorer', 'test');
    await lab.service.subscribe('explorer', 'interop/+/temp', 1);
    const pub = run('mosquitto_pub', ['-h', '127.0.0.1', '-p', String(broker.port), '-t', 'interop/room1/temp', '-m', '22.5', '-q', '1']);
    processes.push(pub);
    expect((await pub.done).code).toBe(0);
    const [message] = await waitFor(() => lab.messagesOf('explorer').length > 0 && lab.messagesOf('explorer'), 'the message from mosquitto_pub');
    expect(message).toMatchObject({ topic: 'interop/room1/temp', payloadText: '22.5', qos: 1, retain: false });
  });

  it('connects to a real Debian mosquitto and publishes/subscribes at QoS 2, text and binary', async () => {
    mosquitto = await startMosquitto();
    lab = createHarness({ real: { profile: profileFor({ id: 'real', port: mosquitto.port }) } });
    expect(await lab.service.connect('lab', 'real')).toMatchObject({ state: 'connected', brokerUrl: `mqtt://127.0.0.1:${mosquitto.port}` });
    await lab.service.connect('explorer', 'real');
    expect(await lab.service.subscribe('explorer', 'lab/#', 2)).toEqual({ filter: 'lab/#', grantedQos: 2 });
    await lab.service.publish({ clientName: 'lab', topic: 'lab/text', payload: 'hello mosquitto', payloadEncoding: 'utf8', qos: 2, retain: false });
    await lab.service.publish({ clientName: 'lab', topic: 'lab/bytes', payload: 'AAEC/w==', payloadEncoding: 'base64', qos: 1, retain: true });
    const received = await waitFor(() => lab.messagesOf('explorer').length === 2 && lab.messagesOf('explorer'), 'both messages');
    // QoS 2 is handed on only after its PUBREL, so the QoS 1 message may overtake it: compare by topic.
    const byTopic = [...received].sort((left, right) => left.topic.localeCompare(right.topic));
    expect(byTopic).toMatchObject([
      { topic: 'lab/bytes', payloadText: null, payloadBase64: 'AAEC/w==', sizeBytes: 4, qos: 1 },
      { topic: 'lab/text', payloadText: 'hello mosquitto', qos: 2 },
    ]);
  });
});
