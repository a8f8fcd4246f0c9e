// Telugu of the Board page's main-side notes and config.h warnings (src-shared/i18n/en/board-notes.ts).
// Typed as the English, so none is missing; {values} and sketch names (Serial.begin, Serial.println) kept exactly.
import type { boardNotesEn } from '../../../../src-shared/i18n/en/board-notes';

export const boardNotesTe: typeof boardNotesEn = {
  monitorNotes: {
    connected: '{path} కు {baud} బాడ్ వద్ద కనెక్ట్ అయింది.',
    scrambled: 'టెక్స్ట్ గజిబిజిగా కనిపిస్తోంది: బోర్డు బహుశా {baud} బాడ్ కంటే వేరే వేగంతో పంపుతోంది. స్కెచ్‌లోని Serial.begin() ను చూడండి; {suggested} బాడ్ ప్రయత్నించండి.',
    lineCut: 'ఒక లైన్ లైన్-ముగింపు లేకుండా {kb} KB కు చేరింది, అందుకే ల్యాబ్ దాన్ని అక్కడ కత్తిరించింది. స్కెచ్ Serial.println వాడుతోందా?',
    unplugged: 'బోర్డు తీసివేయబడింది',
  },
  configWarnings: {
    lanOff: 'అంతర్నిర్మిత బ్రోకర్ ఇంకా లోకల్ నెట్‌వర్క్‌కు తెరవలేదు: "అంతర్నిర్మిత బ్రోకర్‌ను నా నెట్‌వర్క్‌కు తెరువు" ను ఆన్ చేయండి, లేకపోతే బోర్డు rc=-2 అని ప్రింట్ చేస్తుంది.',
    noAddress: 'ఈ కంప్యూటర్‌కు ఇప్పుడు లోకల్-నెట్‌వర్క్ చిరునామా లేదు. దాన్ని బోర్డు ఉన్న అదే Wi-Fi కి కనెక్ట్ చేసి, మళ్ళీ చూడండి.',
  },
};
