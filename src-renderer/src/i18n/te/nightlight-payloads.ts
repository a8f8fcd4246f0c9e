// Telugu of why the nightlight's server or device ignored a payload (src-shared/i18n/en/nightlight-payloads.ts).
// Typed as the English, so none is missing; {values} kept exactly.
import type { nightlightPayloadsEn } from '../../../../src-shared/i18n/en/nightlight-payloads';

export const nightlightPayloadsTe: typeof nightlightPayloadsEn = {
  payloadProblems: {
    tooBig: '"{topic}" పై వచ్చిన {bytes} బైట్‌ల {what} ను పట్టించుకోలేదు: చాలా పెద్దది (గరిష్ఠంగా {max} బైట్‌లు). {example} లాంటిది ఆశించాం.',
    rawBytes: '"{topic}" పై వచ్చిన {what} ను పట్టించుకోలేదు: అది టెక్స్ట్ కాదు, ముడి బైట్‌లు. {example} లాంటి JSON ఆశించాం.',
    notJson: '"{topic}" పై వచ్చిన {shown} ను పట్టించుకోలేదు: అది JSON కాదు. {example} లాంటిది ఆశించాం.',
    notObject: '"{topic}" పై వచ్చిన {shown} ను పట్టించుకోలేదు: అది JSON, కానీ ఫీల్డ్‌లు ఉన్న ఆబ్జెక్ట్ కాదు. {example} లాంటిది ఆశించాం.',
    noLight: '"{topic}" పై వచ్చిన టెలిమెట్రీని పట్టించుకోలేదు: దానిలో "light" ఫీల్డ్ లేదు. {example} లాంటిది ఆశించాం.',
    lightNotNumber: '"{topic}" పై వచ్చిన టెలిమెట్రీని పట్టించుకోలేదు: "light" విలువ {shown}, కానీ అది {min} నుండి {max} వరకు ఉండే సంఖ్య కావాలి, {example} లాగా.',
    lightOutside: '"{topic}" పై వచ్చిన టెలిమెట్రీని పట్టించుకోలేదు: light {light} ఒక లైట్ సెన్సార్ ఇచ్చే పరిధికి ({min} నుండి {max}) బయట ఉంది.',
    noLedOn: '"{topic}" పై వచ్చిన కమాండ్‌ను పట్టించుకోలేదు: దానిలో "led_on" ఫీల్డ్ లేదు. {example} లేదా {other} ఆశించాం.',
    ledOnNotBoolean: '"{topic}" పై వచ్చిన కమాండ్‌ను పట్టించుకోలేదు: "led_on" విలువ {shown}, కానీ అది true లేదా false కావాలి, {example} లాగా.',
  },
  payloadWords: {
    telemetryMessage: 'టెలిమెట్రీ మెసేజ్',
    command: 'కమాండ్',
    emptyMessage: 'ఖాళీ మెసేజ్',
    theText: '"{text}" అనే టెక్స్ట్',
    aList: 'ఒక జాబితా',
    anObject: 'ఒక ఆబ్జెక్ట్',
  },
};
