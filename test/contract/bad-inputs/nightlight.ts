// One bad input per nightlight.* command and the field its INVALID_INPUT error must name (see dispatcher-contract.test.ts).
import type { nightlightCommands } from '../../../src-shared/contract/nightlight';

export const nightlightBadInputs: Record<keyof typeof nightlightCommands, { input: unknown; field: string }> = {
  'nightlight.getState': { input: { extra: 1 }, field: 'extra' },
  'nightlight.updateDevice': { input: { telemetryTopic: 'lab/+/telemetry' }, field: 'telemetryTopic' },
  'nightlight.resetDevice': { input: { extra: 1 }, field: 'extra' },
  'nightlight.setLight': { input: { light: 1024 }, field: 'light' },
  'nightlight.setRandom': { input: { enabled: true, min: 600, max: 200 }, field: 'max' },
  'nightlight.setNetwork': { input: { up: 'yes' }, field: 'up' },
  'nightlight.setPower': { input: {}, field: 'on' },
  'nightlight.clearQueue': { input: { extra: 1 }, field: 'extra' },
  'nightlight.clearConsole': { input: { target: 'both' }, field: 'target' },
  'nightlight.startServer': { input: { extra: 1 }, field: 'extra' },
  'nightlight.stopServer': { input: { extra: 1 }, field: 'extra' },
  'nightlight.updateServer': { input: { threshold: -1 }, field: 'threshold' },
  'nightlight.resetServer': { input: { extra: 1 }, field: 'extra' },
  'nightlight.clearHistory': { input: { extra: 1 }, field: 'extra' },
  'nightlight.getCode': { input: { language: 'rust', program: 'device' }, field: 'language' },
  'nightlight.getCounterfit': { input: { extra: 1 }, field: 'extra' },
};
