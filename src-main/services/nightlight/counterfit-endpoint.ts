// A CounterFit-compatible HTTP endpoint on 127.0.0.1 (port 5000, or the next free one) serving the virtual light
// sensor (pin 0) and LED (pin 5), so the lesson's unmodified Python code runs against MQTT Lab. Only those calls exist.
import { englishErrorMessage, errorText, type ErrorText } from '../../../src-shared/i18n/error-text';
import type { nightlightDeviceLogEn } from '../../../src-shared/i18n/en/nightlight-device-log';
import type { TextValue } from '../../../src-shared/i18n/format-lab-text';
import { englishOf, labText, type LabSentence } from '../../../src-shared/i18n/lab-text';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { CounterfitStatus, HttpCall } from '../../../src-shared/contract/nightlight';
import { COUNTERFIT_LED_PIN, COUNTERFIT_LIGHT_SENSOR_PIN } from '../../../src-shared/contract/nightlight';
import { listenOnFreePort } from '../../lib/listen-on-free-port';
import { reasonOf } from '../../lib/reason-of';
import type { Logger } from '../../lib/logger';

const HOST = '127.0.0.1';
const MAX_BODY_BYTES = 16 * 1024;
const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface CounterfitDeps {
  readLight: () => number;
  setLed: (on: boolean, detail: string) => void;
  onCall: (call: Omit<HttpCall, 'seq'>) => void;
  onStatus: (status: CounterfitStatus) => void;
  logger: Logger;
}

interface Reply {
  status: number;
  body: string;
  /** What the call did, for the page's log (in the page's language). */
  summary: LabSentence;
  contentType?: string;
}

const HOME_PAGE = `<!doctype html><meta charset="utf-8"><title>MQTT Lab: CounterFit-compatible device</title>
<h1>MQTT Lab's virtual nightlight</h1>
<p>This address works like CounterFit for the MQTT lesson: a light sensor on pin ${COUNTERFIT_LIGHT_SENSOR_PIN} and an LED on pin ${COUNTERFIT_LED_PIN}.
Move the light and watch the LED on the Nightlight page of MQTT Lab.</p>`;

function pinText(pin: number): string {
  return String(pin);
}

type CallSummaryId = keyof typeof nightlightDeviceLogEn.counterfitCalls;

/** A call's summary as a key: summary('readLight', { pin, value }) is `nightlight.counterfitCalls.readLight`. */
export function callSummary(id: CallSummaryId, params?: Record<string, TextValue>): LabSentence {
  return labText(`nightlight.counterfitCalls.${id}`, params);
}

/** The pin as sent, or the words "(none)" when the call named none. */
function pinSent(pin: string | null): TextValue {
  return pin ?? callSummary('noPin');
}

/** A status sentence: its English and its key. */
function said(text: ErrorText): { message: string; messageText: ErrorText } {
  return { message: englishErrorMessage(text), messageText: text };
}

export class CounterfitEndpoint {
  private server: Server | undefined;
  private current: CounterfitStatus;

  constructor(
    private readonly deps: CounterfitDeps,
    requestedPort: number,
  ) {
    this.current = { state: 'stopped', host: HOST, port: null, requestedPort, url: null };
  }

  get status(): CounterfitStatus {
    return { ...this.current };
  }

  /** Never throws: a port that cannot be opened becomes a "failed" status with the reason. */
  async start(): Promise<CounterfitStatus> {
    if (this.server) return this.status;
    const server = createServer((request, response) => void this.handle(request, response));
    this.server = server;
    this.setStatus({ ...this.current, state: 'starting' });
    try {
      const port = await listenOnFreePort(server, HOST, this.current.requestedPort, 'counterfit');
      const moved = this.current.requestedPort !== 0 && port !== this.current.requestedPort;
      this.setStatus({
        state: 'running',
        host: HOST,
        port,
        requestedPort: this.current.requestedPort,
        url: `http://${HOST}:${port}`,
        ...(moved ? said(errorText('errors.nightlight.counterfitMoved', { requested: this.current.requestedPort, port, code: `CounterFitConnection.init('127.0.0.1', ${port})` })) : {}),
      });
    } catch (error) {
      this.server = undefined;
      const reason = reasonOf(error);
      this.setStatus({ ...this.current, state: 'failed', port: null, url: null, ...said(errorText('errors.nightlight.counterfitFailed', { port: this.current.requestedPort, reason })) });
    }
    return this.status;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    this.setStatus({ ...this.current, state: 'stopped', port: null, url: null });
  }

  private setStatus(status: CounterfitStatus): void {
    this.current = status;
    this.deps.onStatus(this.status);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let reply: Reply;
    try {
      reply = await this.route(request);
    } catch (error) {
      this.deps.logger.error('The CounterFit endpoint failed on a request', error);
      reply = { status: 500, body: 'Something went wrong inside MQTT Lab.', summary: callSummary('failedInside') };
    }
    response.writeHead(reply.status, { 'content-type': reply.contentType ?? 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    response.end(reply.body);
    const { summary } = reply;
    this.deps.onCall({ atMs: Date.now(), method: request.method ?? '?', path: (request.url ?? '').slice(0, 300), status: reply.status, summary: englishOf(summary), summaryText: summary });
  }

  private async route(request: IncomingMessage): Promise<Reply> {
    // A web page the student visits cannot reach this through a made-up name pointing at 127.0.0.1 (DNS rebinding).
    const hostName = (request.headers.host ?? '').replace(/:\d+$/, '');
    if (!LOOPBACK_NAMES.has(hostName)) return { status: 403, body: 'Only programs on this computer may use this address.', summary: callSummary('unknownHost', { host: hostName.slice(0, 60) }) };
    const url = new URL(request.url ?? '/', `http://${HOST}`);
    const pin = url.searchParams.get('port') ?? url.searchParams.get('pin');
    const route = `${request.method ?? ''} ${url.pathname}`;
    switch (route) {
      case 'GET /':
        return { status: 200, body: HOME_PAGE, summary: callSummary('startPage'), contentType: 'text/html; charset=utf-8' };
      case 'POST /connect':
        return { status: 200, body: 'OK', summary: callSummary('connected') };
      case 'POST /disconnect':
        return { status: 200, body: 'OK', summary: callSummary('disconnected') };
      case 'GET /sensor_value':
        return this.readSensor(pin);
      case 'POST /actuator_value':
        return this.setActuator(pin, await readBody(request));
      default:
        return { status: 404, body: `MQTT Lab only has GET /sensor_value?port=${COUNTERFIT_LIGHT_SENSOR_PIN} and POST /actuator_value?port=${COUNTERFIT_LED_PIN} (plus POST /connect).`, summary: callSummary('unknownCall', { route: route.slice(0, 80) }) };
    }
  }

  private readSensor(pin: string | null): Reply {
    if (pin !== pinText(COUNTERFIT_LIGHT_SENSOR_PIN)) {
      return { status: 404, body: `Sensor with pin ${pin ?? '(none)'} not found. MQTT Lab has a light sensor on pin ${COUNTERFIT_LIGHT_SENSOR_PIN}.`, summary: callSummary('noSensor', { pin: pinSent(pin) }) };
    }
    const value = this.deps.readLight();
    return { status: 200, body: JSON.stringify({ value }), summary: callSummary('readLight', { pin: COUNTERFIT_LIGHT_SENSOR_PIN, value }), contentType: 'application/json' };
  }

  private setActuator(pin: string | null, body: string | undefined): Reply {
    if (pin !== pinText(COUNTERFIT_LED_PIN)) {
      return { status: 404, body: `Actuator with pin ${pin ?? '(none)'} not found. MQTT Lab has an LED on pin ${COUNTERFIT_LED_PIN}.`, summary: callSummary('noActuator', { pin: pinSent(pin) }) };
    }
    if (body === undefined) return { status: 413, body: `The request body is too big (at most ${MAX_BODY_BYTES} bytes).`, summary: callSummary('bodyTooBig') };
    let value: unknown;
    try {
      value = (JSON.parse(body) as { value?: unknown } | null)?.value;
    } catch {
      return { status: 400, body: 'Send JSON like {"value": true}.', summary: callSummary('notJson') };
    }
    if (typeof value !== 'boolean' && typeof value !== 'number') {
      return { status: 400, body: 'Send JSON like {"value": true} or {"value": false}.', summary: callSummary('noValue') };
    }
    const on = Boolean(value);
    this.deps.setLed(on, `POST /actuator_value?port=${pin} ${JSON.stringify({ value })}`);
    return { status: 200, body: 'OK', summary: callSummary(on ? 'ledOn' : 'ledOff', { pin: COUNTERFIT_LED_PIN }) };
  }
}

/** The body as text, or undefined when it is larger than MAX_BODY_BYTES. */
function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
