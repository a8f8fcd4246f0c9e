// Telugu of the playground packet log's notes and of an experiment's own client names
// (src-shared/i18n/en/playground-notes.ts). Typed as the English, so none is missing; {values} kept exactly.
import type { playgroundNotesEn } from '../../../../src-shared/i18n/en/playground-notes';

export const playgroundNotesTe: typeof playgroundNotesEn = {
  notes: {
    experimentStarted: 'ప్రయోగం {number} "{title}" {url} పై మొదలైంది.',
    experimentFinished: 'ప్రయోగం {number} ముగిసింది ({verdict}):',
    verdicts: { asExpected: 'అనుకున్నట్లే జరిగింది', different: 'అనుకున్నట్లు జరగలేదు', failed: 'పూర్తి కాలేకపోయింది' },
    lostInCut: 'ఆలస్యమైన {count} ప్యాకెట్(లు) ఇంకా దారిలోనే ఉన్నాయి, అవి పోయాయి.',
    notLogged: '{count} ప్యాకెట్‌లు లాగ్‌లో చేరలేదు: లాగ్ చూపగలిగే దానికంటే ఎక్కువ వచ్చాయి. పాజ్ చేయండి, తుడిచివేయండి, లేదా పబ్లిషర్‌ను నెమ్మదించండి.',
    cut: '{name} నెట్‌వర్క్‌ను తెంచారు: కేబుల్ లాగేసినట్లుగా రెండు వైపులా ఒకేసారి మూసుకుపోయాయి.',
    blackHoleOn: '{name} కు బ్లాక్ హోల్ ఆన్: ప్రతి ప్యాకెట్ రెండు వైపులా మాయమవుతుంది, ఏదీ మూసుకుపోదు.',
    blackHoleOff: '{name} కు బ్లాక్ హోల్ ఆఫ్: ప్యాకెట్‌లు మళ్ళీ చేరుతున్నాయి.',
    dropToBroker: '{name} నుండి బ్రోకర్‌కు వెళ్ళే తర్వాతి {count} ప్యాకెట్(లు) పడేయబడతాయి.',
    dropToBrokerOfType: '{name} నుండి బ్రోకర్‌కు వెళ్ళే తర్వాతి {count} {type} ప్యాకెట్(లు) పడేయబడతాయి.',
    dropToClient: 'బ్రోకర్ నుండి {name} కు వచ్చే తర్వాతి {count} ప్యాకెట్(లు) పడేయబడతాయి.',
    dropToClientOfType: 'బ్రోకర్ నుండి {name} కు వచ్చే తర్వాతి {count} {type} ప్యాకెట్(లు) పడేయబడతాయి.',
    delaySet: 'ఇప్పుడు {name} యొక్క ప్రతి ప్యాకెట్‌కు రెండు వైపులా {ms} ms ఎక్కువ సమయం పడుతుంది.',
    delayOff: '{name} కు ఇక ఆలస్యం లేదు.',
    faultsCleared: '{name} నెట్‌వర్క్ మళ్ళీ సరిగ్గా ఉంది: బ్లాక్ హోల్ లేదు, పడేయడానికి ఏమీ లేదు, ఆలస్యం లేదు.',
  },
  experimentClients: {
    publisher: 'పబ్లిషర్ (ప్రయోగం)',
    subscriber: 'సబ్‌స్క్రైబర్ (ప్రయోగం)',
    lateSubscriber: 'ఆలస్యపు సబ్‌స్క్రైబర్ (ప్రయోగం)',
    subscriberSessionKept: 'సబ్‌స్క్రైబర్, సెషన్ ఉంచేది (ప్రయోగం)',
    subscriberCleanSession: 'సబ్‌స్క్రైబర్, క్లీన్ సెషన్ (ప్రయోగం)',
    sensor: 'సెన్సర్ (ప్రయోగం)',
    watcher: 'వాచర్ (ప్రయోగం)',
  },
};
