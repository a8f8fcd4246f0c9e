// The CounterFit-compatible HTTP endpoint: the lesson's calls read the lab's light sensor and drive its LED,
// anything else is refused with a reason, every call is logged, and a taken port moves to the next free one.
import { createServer, type Server } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { httpCallSchema } from '../../../src-shared/contract/nightlight';
import { englishOf } from '../../../src-shared/i18n/lab-text';
import { startTestBroker, type TestBroker } from '../../support/test-broker';
import { createNightlight, waitFor, type NightlightHarness } from './nightlight-harness';

describe('CounterFit endpoint', () => {
  let broker: TestBroker;
  let lab: NightlightHarness;
  let base: string;
  let blocker: Server | undefined;

  beforeEach(async () => {
    broker = await startTestBroker();
    lab = await createNightlight(broker.port);
    await lab.service.updateDevice({ mode: 'hardware-only' });
    await lab.service.start();
    base = lab.service.getCounterfit().url ?? '';
    blocker = undefined;
  });
  afterEach(async () => {
    await lab.dispose();
    await broker.close();
    await new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve()));
  });

  it('answers the lesson\'s calls: connect, read pin 0, drive pin 5', async () => {
    expect(lab.service.getCounterfit()).toMatchObject({ state: 'running', host: '127.0.0.1' });
    expect((await fetch(`${base}/connect`, { method: 'POST' })).status).toBe(200);
    lab.service.setLight(321);
    const reading = await fetch(`${base}/sensor_value?port=0`);
    expect(await reading.json()).toEqual({ value: 321 });
    const on = await fetch(`${base}/actuator_value?port=5`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ value: true }) });
    expect(on.status).toBe(200);
    expect(lab.service.snapshot().device.led).toMatchObject({ on: true, source: 'http' });
    // Older shims say ?pin= instead of ?port=.
    expect(await (await fetch(`${base}/sensor_value?pin=0`)).json()).toEqual({ value: 321 });
    await waitFor(() => lab.service.snapshot().httpCalls.length >= 4 || undefined, 'the calls to be logged');
    expect(lab.service.snapshot().httpCalls.map((call) => call.summary)).toEqual([
      'a program connected (CounterFitConnection.init)',
      'read the light sensor (pin 0): 321',
      'LED (pin 5) on',
      'read the light sensor (pin 0): 321',
    ]);
    // The page shows each summary in its own language: a key with the pin and the value as values.
    const calls = lab.service.snapshot().httpCalls;
    expect(calls.map((call) => call.summaryText)).toEqual([
      { key: 'nightlight.counterfitCalls.connected' },
      { key: 'nightlight.counterfitCalls.readLight', params: { pin: 0, value: 321 } },
      { key: 'nightlight.counterfitCalls.ledOn', params: { pin: 5 } },
      { key: 'nightlight.counterfitCalls.readLight', params: { pin: 0, value: 321 } },
    ]);
    for (const call of calls) {
      expect(httpCallSchema.safeParse(call).success).toBe(true);
      expect(englishOf(call.summaryText!)).toBe(call.summary);
    }
    expect(lab.service.snapshot().device.ledLog.at(-1)).toMatchObject({ source: 'http', detail: 'POST /actuator_value?port=5 {"value":true}' });
    expect(lab.service.snapshot().device.ledLog.at(-1)?.detailText).toBeUndefined();
  });

  it('refuses unknown pins, bad bodies and unknown calls with a reason', async () => {
    const sensor = await fetch(`${base}/sensor_value?port=3`);
    expect(sensor.status).toBe(404);
    expect(await sensor.text()).toContain('light sensor on pin 0');
    const notJson = await fetch(`${base}/actuator_value?port=5`, { method: 'POST', body: 'on' });
    expect(notJson.status).toBe(400);
    const noValue = await fetch(`${base}/actuator_value?port=5`, { method: 'POST', body: '{"value": "on"}' });
    expect(noValue.status).toBe(400);
    const huge = await fetch(`${base}/actuator_value?port=5`, { method: 'POST', body: 'x'.repeat(20_000) });
    expect(huge.status).toBe(413);
    expect((await fetch(`${base}/create_sensor`, { method: 'POST' })).status).toBe(404);
    expect(lab.service.snapshot().device.led.on).toBe(false);
    await fetch(`${base}/actuator_value`, { method: 'POST', body: '{"value": true}' });
    await waitFor(() => lab.service.snapshot().httpCalls.length >= 6 || undefined, 'the refused calls to be logged');
    const calls = lab.service.snapshot().httpCalls;
    expect(calls.map((call) => call.summary)).toEqual([
      'no sensor on pin 3',
      'refused: the body is not JSON',
      'refused: no true/false "value"',
      'refused: body too big',
      'unknown call POST /create_sensor',
      'no actuator on pin (none)',
    ]);
    expect(calls.map((call) => call.summaryText?.key.replace('nightlight.counterfitCalls.', ''))).toEqual(['noSensor', 'notJson', 'noValue', 'bodyTooBig', 'unknownCall', 'noActuator']);
    expect(calls[0]!.summaryText!.params).toEqual({ pin: '3' });
    expect(calls[5]!.summaryText!.params).toEqual({ pin: { key: 'nightlight.counterfitCalls.noPin' } });
  });

  it('refuses a request for another host name (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const call = request(`${base}/sensor_value?port=0`, { headers: { host: 'evil.example:5000' } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      call.on('error', reject);
      call.end();
    });
    expect(status).toBe(403);
  });

  it('moves to the next free port when the asked one is taken', async () => {
    blocker = createServer();
    const taken = await new Promise<number>((resolve) => blocker?.listen(0, '127.0.0.1', () => resolve((blocker?.address() as { port: number }).port)));
    const second = await createNightlight(broker.port, { counterfitPort: taken });
    try {
      await second.service.updateDevice({ mode: 'hardware-only' });
      await second.service.start();
      const status = second.service.getCounterfit();
      expect(status).toMatchObject({ state: 'running', requestedPort: taken });
      expect(status.port).not.toBe(taken);
      expect(status.message).toContain(`Port ${taken} was taken`);
    } finally {
      await second.dispose();
    }
  });
});
