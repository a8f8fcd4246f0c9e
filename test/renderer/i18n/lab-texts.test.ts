// Texts the main side builds (a lesson check's words, a nightlight lab note, an experiment's result, an explorer
// notice) reach the page as keys: in Telugu the student reads Telugu, not the main side's English; program output
// stays as printed. Every key the main side can send exists in English and Telugu, with the shared English.
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { Component } from 'vue';
import { labSentenceSchema } from '../../../src-shared/contract/lab-sentence';
import type { LessonStep } from '../../../src-shared/contract/lesson';
import { escapeForVueI18n } from '../../../src-shared/contract/lesson-text-en';
import type { ConsoleLine } from '../../../src-shared/contract/nightlight';
import type { ExperimentResult } from '../../../src-shared/contract/playground';
import { errorText } from '../../../src-shared/i18n/error-text';
import { englishOf, englishTemplate, listLabTextKeys } from '../../../src-shared/i18n/lab-text';
import { explainClose } from '../../../src-main/services/playground/close-reasons';
import { parseTelemetry } from '../../../src-main/services/nightlight/payloads';
import ClientStatusLight from '../../../src-renderer/src/components/playground/ClientStatusLight.vue';
import type { PlaygroundClient } from '../../../src-shared/contract/playground';
import { connectionNotice, noticeFields } from '../../../src-main/services/explorer/connection-notices';
import { checkWord, makeCheck, payloadReason } from '../../../src-main/services/lesson/check-text';
import { generateCode } from '../../../src-main/services/nightlight/code/generate-code';
import { note } from '../../../src-main/services/nightlight/lab-notes';
import { defaultDeviceSettings, defaultServerSettings } from '../../../src-main/services/nightlight/nightlight-settings';
import { said, times, told } from '../../../src-main/services/playground/experiments/result-text';
import StepCheck from '../../../src-renderer/src/components/lesson/StepCheck.vue';
import NightlightConsole from '../../../src-renderer/src/components/nightlight/NightlightConsole.vue';
import ExperimentResultCard from '../../../src-renderer/src/components/playground/ExperimentResultCard.vue';
import { createLabI18n, localeBundles } from '../../../src-renderer/src/i18n';
import { showLabTexts } from '../../../src-renderer/src/i18n/show-lab-text';

function render(component: Component, props: Record<string, unknown>, locale: string): string {
  const wrapper = mount(component, { props, global: { plugins: [createLabI18n(locale)] } });
  const text = wrapper.text();
  wrapper.unmount();
  return text;
}

function messageAt(locale: string, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], localeBundles[locale]!.messages);
}

describe('texts the main side sends as keys', () => {
  it('shows a failing lesson check with its words (LED state, why a payload failed) in Telugu', () => {
    const check = makeCheck('e5-not-following', { commandLedOn: 'true', seconds: 4, commandTopic: 'abc/commands', ledState: checkWord('off') });
    const step = { id: 'E5', kind: 'exercise', state: 'in-progress', check } as unknown as LessonStep;
    expect(check.saw).toBe('The server sent led_on true 4 s ago, but the LED is still off.');
    expect(render(StepCheck, { step, studentId: 'abc' }, 'en')).toContain(check.saw);
    const telugu = render(StepCheck, { step, studentId: 'abc' }, 'te');
    expect(telugu).toContain('LED ఇంకా ఆఫ్ గానే ఉంది');
    expect(telugu).not.toContain('but the LED is still');
    expect(telugu).not.toContain(' off');

    const bad = makeCheck('e2-bad-payload', { topic: 'abc/telemetry', payload: '{"light": "400"}', reason: payloadReason('lightIsText') });
    const badStep = { id: 'E2', kind: 'exercise', state: 'in-progress', check: bad } as unknown as LessonStep;
    expect(bad.saw).toContain('light is text in quotes, not a number.');
    const badTelugu = render(StepCheck, { step: badStep, studentId: 'abc' }, 'te');
    expect(badTelugu).toContain('light కోట్స్‌లో ఉన్న టెక్స్ట్, సంఖ్య కాదు.');
    expect(badTelugu).toContain('{"light": "400"}');
    expect(badTelugu).not.toContain('text in quotes');
  });

  it('shows the nightlight console\'s lab notes in Telugu and the program\'s own output exactly as printed', () => {
    const stored = note('replayStarted', { count: 3 });
    const lines: ConsoleLine[] = [
      { seq: 1, atMs: 0, kind: 'output', text: 'MQTT connected!' },
      { seq: 2, atMs: 1, kind: 'lab-note', text: englishOf(stored), note: stored },
      { seq: 3, atMs: 2, kind: 'output', text: 'Sending telemetry  {"light": 400}' },
    ];
    const props = { lines, label: 'Device console', testId: 'device-console' };
    expect(render(NightlightConsole, props, 'en')).toContain('[lab] The connection is back: sending 3 stored reading(s), oldest first.');
    const telugu = render(NightlightConsole, props, 'te');
    expect(telugu).toContain('[lab] కనెక్షన్ తిరిగి వచ్చింది: దాచిన 3 రీడింగ్‌(లు) పంపుతోంది, పాతవి ముందు.');
    expect(telugu).not.toContain('The connection is back');
    expect(telugu).toContain('MQTT connected!');
    expect(telugu).toContain('Sending telemetry  {"light": 400}');
  });

  it('shows what an experiment saw and why in Telugu, with the payloads as sent', () => {
    const outcome = told(
      [said('publisherResent', { times: times(2) }), said('subscriberReceived', { payload: 'lamp on', times: times(2) })],
      said('qos1Why'),
    );
    const result: ExperimentResult = {
      runId: 'run-1',
      experimentId: 'qos1-lost-puback',
      target: 'builtin',
      brokerUrl: 'mqtt://127.0.0.1:1883',
      outcome: 'asExpected',
      expected: '',
      measurements: {},
      durationMs: 2100,
      ...outcome,
    };
    expect(result.observed).toBe('The Publisher sent the PUBLISH twice, the second time with dup=1. The Subscriber received "lamp on" twice.');
    expect(render(ExperimentResultCard, { result, number: 2 }, 'en')).toContain(result.observed);
    const telugu = render(ExperimentResultCard, { result, number: 2 }, 'te');
    expect(telugu).toContain('పబ్లిషర్ PUBLISH ను రెండుసార్లు పంపింది, రెండోసారి dup=1 తో.');
    expect(telugu).toContain('సబ్‌స్క్రైబర్‌కు "lamp on" రెండుసార్లు అందింది.');
    expect(telugu).toContain('QoS 1 అంటే "కనీసం ఒకసారి"');
    expect(telugu).not.toContain('The Publisher sent');
    expect(telugu).not.toContain('at least once');
  });

  it('says an explorer notice in the page\'s language', () => {
    const client = { clientName: 'explorer', brokerUrl: 'mqtt://127.0.0.1:1883', state: 'connected' } as Parameters<typeof connectionNotice.connected>[0];
    const stats = { topicCount: 4, messageCount: 9 } as Parameters<typeof connectionNotice.lost>[1];
    const { notice, noticeText } = noticeFields(connectionNotice.reconnected(client, ['#'], stats, 1500));
    expect(notice).toBe(
      'Reconnected to mqtt://127.0.0.1:1883 after 1.5 s and subscribed again to "#". The tree kept its 4 topics and 9 counted messages. ' +
        'Messages published while the explorer was away were not received (retained ones come again).',
    );
    const { t } = createLabI18n('te').global;
    const telugu = showLabTexts(t, noticeText);
    expect(telugu).toContain('1.5 సె. తర్వాత mqtt://127.0.0.1:1883 కు మళ్ళీ కనెక్ట్ అయి "#" కు మళ్ళీ సబ్‌స్క్రైబ్ అయింది.');
    expect(telugu).not.toMatch(/Reconnected|kept its/);
  });

  it('translates an error\'s reason inside a lab note, and a payload problem inside a crash note, at any depth', () => {
    const lost = note('connectionLost', { reason: errorText('errors.mqtt.keepsTrying', { reason: errorText('errors.mqtt.noRoute', { at: '192.0.2.1:1883' }), seconds: 5 }) });
    expect(labSentenceSchema.safeParse(lost).success).toBe(true);
    const parsed = parseTelemetry({ topic: 'abc/telemetry', payloadText: '{"light": "dark"}', sizeBytes: 17, truncated: false } as Parameters<typeof parseTelemetry>[0]);
    const crash = note('serverWouldCrash', { problem: parsed.ok ? 'unexpected' : parsed.problem });
    const lines: ConsoleLine[] = [
      { seq: 1, atMs: 0, kind: 'lab-note', text: englishOf(lost), note: lost },
      { seq: 2, atMs: 1, kind: 'error', text: englishOf(crash), note: crash },
    ];
    const props = { lines, label: 'Device console', testId: 'device-console' };
    const english = render(NightlightConsole, props, 'en');
    expect(english).toContain('[lab] Connection lost: This computer has no way to reach 192.0.2.1:1883.');
    expect(english).toContain('"light" is the text "dark", but it should be a number');
    const telugu = render(NightlightConsole, props, 'te');
    expect(telugu).toContain('ఈ కంప్యూటర్ నుండి 192.0.2.1:1883 ను చేరుకునే దారి లేదు.');
    expect(telugu).toContain('"dark" అనే టెక్స్ట్');
    expect(telugu).not.toMatch(/no way to reach|keeps trying|Ignored telemetry|the text "dark"/);
  });

  it('shows a playground client\'s close reason (with the unfinished QoS exchanges inside it) in Telugu', () => {
    const text = explainClose({
      clientName: 'Sensor', clientId: 'pg-sensor', brokerAt: '127.0.0.1:1883', brokerDisconnectCode: 0x8e, keepaliveTimedOut: false,
      blackHole: false, keepaliveSeconds: 60, unfinished: ['7'], cleanSession: false, proxyClosedBy: 'broker',
    });
    const client = { key: 'sensor', name: 'Sensor', state: 'offline', message: englishOf(text), messageText: text, faults: { blackHole: false, delayMs: 0, dropToBroker: { remaining: 0 }, dropToClient: { remaining: 0 } }, sessionPresent: null } as unknown as PlaygroundClient;
    expect(render(ClientStatusLight, { client }, 'en')).toContain(
      'The broker at 127.0.0.1:1883 disconnected Sensor: another client connected with the same client id (session taken over). 1 QoS 1/2 exchange(s) were not finished (packet 7)',
    );
    const telugu = render(ClientStatusLight, { client }, 'te');
    expect(telugu).toContain('అదే క్లయింట్ ID తో మరో క్లయింట్ కనెక్ట్ అయింది');
    expect(telugu).toContain('(ప్యాకెట్ 7)');
    expect(telugu).not.toMatch(/disconnected Sensor|another client|were not finished/);
  });

  it('names a starting playground client in the page\'s language inside its status sentence', () => {
    const text = explainClose({ clientName: 'Publisher', clientId: 'pg-p', brokerAt: '127.0.0.1:1883', proxyClosedBy: 'cut', keepaliveTimedOut: false, blackHole: false, keepaliveSeconds: 60, unfinished: [], cleanSession: true });
    const client = { key: 'publisher', role: 'student', name: 'Publisher', state: 'offline', message: englishOf(text), messageText: text, faults: { blackHole: false, delayMs: 0, dropToBroker: { remaining: 0 }, dropToClient: { remaining: 0 } }, sessionPresent: null } as unknown as PlaygroundClient;
    const telugu = render(ClientStatusLight, { client }, 'te');
    expect(telugu).toContain('పబ్లిషర్ కూ బ్రోకర్‌కూ మధ్య నెట్‌వర్క్‌ను కావాలనే తెంచారు.');
    expect(telugu).not.toContain('Publisher');
  });

  it('has every key the main side can send in English (the same words it logs) and in Telugu', () => {
    const keys = listLabTextKeys();
    expect(keys.length).toBeGreaterThan(90);
    for (const key of keys) {
      expect(messageAt('en', key), key).toBe(escapeForVueI18n(englishTemplate(key)!));
      expect(typeof messageAt('te', key), key).toBe('string');
      expect(messageAt('te', key), key).not.toBe(messageAt('en', key));
    }
  });

  it('refuses a key that no locale has at the contract, and sends only known keys for generated code', () => {
    expect(labSentenceSchema.safeParse({ key: 'nightlight.labNotes.powerOn' }).success).toBe(true);
    expect(labSentenceSchema.safeParse({ key: 'nightlight.labNotes.powerOnn' }).success).toBe(false);
    const broker = { host: '127.0.0.1', port: 41883, transport: 'mqtt' as const, path: '/mqtt', username: '', caFile: '', verifyCertificate: true, tcpFallbackPort: 41883 };
    const context = { device: defaultDeviceSettings('lab-abc'), server: defaultServerSettings('lab-abc'), deviceBroker: broker, serverBroker: broker, counterfitPort: 5001 };
    for (const [language, program] of [['python', 'device'], ['python', 'server'], ['javascript', 'device'], ['arduino', 'device'], ['mosquitto', 'server']] as const) {
      const code = generateCode(language, program, context);
      expect(labSentenceSchema.safeParse(code.howToRunText).success, language).toBe(true);
      expect(code.howToRun).toBe(englishOf(code.howToRunText!));
    }
  });
});
