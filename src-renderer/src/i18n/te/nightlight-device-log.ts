// Telugu of the nightlight's HTTP call log and LED switch log (src-shared/i18n/en/nightlight-device-log.ts).
// Typed as the English, so none is missing; {values} (pins, payloads, topics) kept exactly.
import type { nightlightDeviceLogEn } from '../../../../src-shared/i18n/en/nightlight-device-log';

export const nightlightDeviceLogTe: typeof nightlightDeviceLogEn = {
  counterfitCalls: {
    startPage: 'మొదటి పేజీని తెరిచింది',
    connected: 'ఒక ప్రోగ్రామ్ కనెక్ట్ అయింది (CounterFitConnection.init)',
    disconnected: 'ఒక ప్రోగ్రామ్ డిస్‌కనెక్ట్ అయింది',
    readLight: 'లైట్ సెన్సార్‌ను (పిన్ {pin}) చదివింది: {value}',
    ledOn: 'LED (పిన్ {pin}) ఆన్',
    ledOff: 'LED (పిన్ {pin}) ఆఫ్',
    unknownCall: 'తెలియని కాల్ {route}',
    noSensor: 'పిన్ {pin} పై సెన్సార్ లేదు',
    noActuator: 'పిన్ {pin} పై యాక్చుయేటర్ లేదు',
    noPin: '(ఏదీ లేదు)',
    unknownHost: 'తిరస్కరించింది: తెలియని హోస్ట్ "{host}"',
    bodyTooBig: 'తిరస్కరించింది: బాడీ చాలా పెద్దది',
    notJson: 'తిరస్కరించింది: బాడీ JSON కాదు',
    noValue: 'తిరస్కరించింది: true/false "value" లేదు',
    failedInside: 'MQTT Lab లోపల విఫలమైంది',
  },
  ledSwitches: {
    darkRule: 'కాంతి {light} < {threshold}',
    brightRule: 'కాంతి {light} ≥ {threshold}',
    command: '{topic} పై {payload}',
    powerOff: 'పవర్ ఆఫ్',
  },
};
