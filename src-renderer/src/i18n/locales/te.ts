// Telugu (తెలుగు): the whole app for students of 14 and up. Mirrors locales/en.ts key for key (typecheck and a test check it).
// MQTT words students meet in code and on brokers stay as they are (QoS, JSON, LED, topics); a client id is క్లయింట్ ID, with (client id) after it on labels; {values} kept exactly.

import type { LocaleBundle } from '../locale-bundle';
import board from '../te/board';
import errors from '../te/errors';
import explorer from '../te/explorer';
import lesson from '../te/lesson';
import nightlight from '../te/nightlight';
import playground from '../te/playground';

const messages = {
  app: {
    name: 'MQTT Lab',
    skipToMain: 'ముఖ్య భాగానికి వెళ్ళండి',
    pageTitle: '{part} - MQTT Lab',
  },
  nav: {
    label: 'ల్యాబ్ భాగాలు',
    explorer: 'ఎక్స్‌ప్లోరర్',
    playground: 'ప్లేగ్రౌండ్',
    nightlight: 'నైట్‌లైట్',
    board: 'బోర్డు',
    lesson: 'పాఠం',
  },
  hostLink: {
    connecting: 'ల్యాబ్ హోస్ట్‌కు కనెక్ట్ అవుతోంది...',
    lost: 'ల్యాబ్ హోస్ట్‌తో సంబంధం తెగిపోయింది. మళ్ళీ ప్రయత్నిస్తోంది...',
    noToken: 'ఈ పేజీని దాని యాక్సెస్ కీ లేకుండా తెరిచారు. ల్యాబ్ హోస్ట్ చూపించిన పూర్తి చిరునామాను తెరవండి (అది ?token=... తో ముగుస్తుంది).',
  },
  status: {
    label: 'ల్యాబ్ కనెక్షన్',
    state: {
      idle: 'కనెక్ట్ కాలేదు',
      connecting: 'కనెక్ట్ అవుతోంది',
      connected: 'కనెక్ట్ అయింది',
      reconnecting: 'మళ్ళీ కనెక్ట్ అవుతోంది',
      offline: 'ఆఫ్‌లైన్',
      error: 'కనెక్ట్ కాలేకపోయింది',
    },
    openDialog: 'కనెక్షన్',
    why: 'ఎందుకు?',
    fix: 'కనెక్షన్ మార్చు',
    closeDetails: 'మూసివేయి',
  },
  broker: {
    label: 'అంతర్నిర్మిత బ్రోకర్',
    state: {
      starting: 'మొదలవుతోంది',
      running: 'నడుస్తోంది',
      restarting: 'మళ్ళీ మొదలవుతోంది',
      stopped: 'ఆగిపోయింది',
      failed: 'విఫలమైంది',
    },
    tcpPort: 'MQTT {port}',
    wsPort: 'WebSocket {port}',
    portMoved: '{requested} ఖాళీగా లేదు',
    restarted: 'ఒకసారి మళ్ళీ మొదలైంది | {count} సార్లు మళ్ళీ మొదలైంది',
    restart: 'బ్రోకర్‌ను మళ్ళీ మొదలుపెట్టు',
  },
  dialog: {
    title: 'కనెక్షన్',
    intro: 'ల్యాబ్ ఏ బ్రోకర్‌తో మాట్లాడాలో ఎంచుకోండి. అంతర్నిర్మిత బ్రోకర్ ఈ కంప్యూటర్‌లోనే నడుస్తుంది, దానికి ఇంటర్నెట్ అవసరం లేదు.',
    close: 'మూసివేయి',
    profiles: 'బ్రోకర్ ప్రొఫైల్‌లు',
    kind: {
      builtin: 'అంతర్నిర్మితం',
      public: 'పబ్లిక్',
      custom: 'మీది',
    },
    inUse: 'వాడుకలో ఉంది',
    shippedNames: {
      builtin: 'అంతర్నిర్మిత బ్రోకర్ (ఈ కంప్యూటర్)',
      mosquittoPlain: 'test.mosquitto.org (సాదా, 1883)',
      mosquittoTls: 'test.mosquitto.org (TLS, 8883)',
      mosquittoWs: 'test.mosquitto.org (WebSocket, 8080)',
      mosquittoWss: 'test.mosquitto.org (సురక్షిత WebSocket, 8081)',
    },
    newProfile: 'కొత్త సొంత ప్రొఫైల్',
    newProfileName: 'నా బ్రోకర్',
    copyProfile: 'సొంత ప్రొఫైల్‌గా కాపీ చేయి',
    copyName: '{name} (కాపీ)',
    readonly: 'ఈ ప్రొఫైల్ MQTT Lab తో వస్తుంది, దీన్ని మార్చలేరు. మీ సొంత వెర్షన్ కోసం దీన్ని కాపీ చేయండి.',
    connect: 'కనెక్ట్ చేయి',
    save: 'సేవ్ చేయి',
    saved: '"{name}" సేవ్ అయింది.',
    savedSessionOnly: '"{name}" సేవ్ అయింది. దాని పాస్‌వర్డ్ సేవ్ కాలేదు: MQTT Lab మూసే వరకు మాత్రమే వాడబడుతుంది.',
    delete: 'తొలగించు',
    confirmDelete: '"{name}" ను తొలగించాలా? దీన్ని మళ్ళీ వెనక్కి తేలేరు.',
    confirmDeleteYes: 'అవును, తొలగించు',
    cancel: 'రద్దు చేయి',
    summaryAddress: 'చిరునామా',
    summaryClientId: 'క్లయింట్ ID (client id)',
    summaryProtocol: 'ప్రోటోకాల్',
    summaryPassword: 'పాస్‌వర్డ్',
    passwordSavedShort: 'సేవ్ అయింది',
    passwordNone: 'లేదు',
  },
  form: {
    title: 'ప్రొఫైల్ సెట్టింగ్‌లు',
    name: { label: 'ప్రొఫైల్ పేరు', help: 'మీరు గుర్తుపట్టగలిగే పేరు, ఉదాహరణకు "తరగతి Pi".' },
    host: { label: 'బ్రోకర్ హోస్ట్', help: 'బ్రోకర్ నడుస్తున్న కంప్యూటర్: test.mosquitto.org లాంటి పేరు లేదా 192.168.1.20 లాంటి చిరునామా.' },
    port: { label: 'పోర్ట్', help: 'ఆ కంప్యూటర్‌లోని తలుపు నంబరు. MQTT సాధారణంగా 1883 వాడుతుంది, TLS తో MQTT అయితే 8883.' },
    transport: {
      label: 'ట్రాన్స్‌పోర్ట్',
      help: 'మెసేజ్‌లు ఎలా ప్రయాణిస్తాయో. mqtts, wss ఎన్‌క్రిప్ట్ అవుతాయి; ws, wss బ్రౌజర్‌లో లాగా WebSocket ల ద్వారా వెళ్తాయి.',
      mqtt: 'mqtt (సాధారణ TCP)',
      mqtts: 'mqtts (TLS తో TCP)',
      ws: 'ws (WebSocket)',
      wss: 'wss (TLS తో WebSocket)',
    },
    path: { label: 'WebSocket పాత్', help: 'చిరునామాలో పోర్ట్ తర్వాత వచ్చే భాగం. చాలా బ్రోకర్‌లు /mqtt వాడతాయి.' },
    clientId: { label: 'క్లయింట్ ID (client id)', help: 'బ్రోకర్ ఈ క్లయింట్‌ను గుర్తుపట్టే పేరు. ఒకే id ఉన్న రెండు క్లయింట్‌లు ఒకదాన్నొకటి బయటకు నెట్టేస్తాయి.' },
    newClientId: 'కొత్త క్లయింట్ ID తయారు చేయి',
    username: { label: 'యూజర్‌నేమ్', help: 'బ్రోకర్ లాగిన్ అడిగినప్పుడు మాత్రమే అవసరం. లేకపోతే ఖాళీగా వదిలేయండి.' },
    password: {
      label: 'పాస్‌వర్డ్',
      help: 'ఈ కంప్యూటర్‌లో భద్రంగా ఉంచబడుతుంది, సేవ్ చేశాక మళ్ళీ ఎప్పుడూ చూపబడదు.',
      saved: 'ఒక పాస్‌వర్డ్ సేవ్ అయి ఉంది. దాని స్థానంలో కొత్తది టైప్ చేయండి.',
      clear: 'సేవ్ చేసిన పాస్‌వర్డ్‌ను తీసివేయి',
      sessionOnly: 'MQTT Lab మూసే వరకు మాత్రమే పాస్‌వర్డ్ ఉంచబడుతుంది; అది సేవ్ చేయబడలేదు.',
      insecure: {
        'insecure-fallback': 'ఈ కంప్యూటర్‌లో MQTT Lab కోసం కీచైన్ లేదు, కాబట్టి సేవ్ చేసిన పాస్‌వర్డ్ అందరి దగ్గర ఉండే కీతో మాత్రమే కలగాపులగం చేయబడుతుంది: మీ ఫైల్‌లను చదవగలిగే ఎవరైనా దాన్ని చదవగలరు.',
        'plain-file': 'ఈ ల్యాబ్ కీచైన్ లేకుండా బ్రౌజర్‌లో నడుస్తోంది, కాబట్టి సేవ్ చేసిన పాస్‌వర్డ్ దాని డేటా ఫోల్డర్‌లో దాదాపు సాదా టెక్స్ట్‌గా రాయబడుతుంది: ఆ ఫోల్డర్‌ను చదవగలిగే ఎవరైనా దాన్ని చదవగలరు.',
      },
      saveAnyway: 'అయినా సేవ్ చేయి',
      saveAnywayHelp: 'ఈ టిక్ లేకపోతే పాస్‌వర్డ్ MQTT Lab మూసే వరకు మాత్రమే వాడబడుతుంది, డిస్క్‌పై రాయబడదు.',
    },
    keepalive: { label: 'Keep-alive (సెకన్లు)', help: 'పంపడానికి ఇంకేమీ లేనప్పుడు క్లయింట్ "నేను ఇంకా ఇక్కడే ఉన్నాను" అని ఎంత తరచుగా చెబుతుందో.' },
    cleanSession: { label: 'క్లీన్ సెషన్', help: 'ప్రతిసారీ కొత్తగా మొదలుపెట్టడం: బ్రోకర్ ఈ క్లయింట్ సబ్‌స్క్రిప్షన్‌లను, ఎదురుచూస్తున్న మెసేజ్‌లను మరచిపోతుంది.' },
    protocol: {
      label: 'MQTT వెర్షన్',
      help: 'వెర్షన్ 3.1.1 అన్నిచోట్లా పనిచేస్తుంది. వెర్షన్ 5 అదనపు సౌకర్యాలు ఇస్తుంది; అంతర్నిర్మిత బ్రోకర్ 3.1.1 మాట్లాడుతుంది.',
      v4: 'MQTT 3.1.1',
      v5: 'MQTT 5',
    },
    tls: { legend: 'భద్రత (TLS)', help: 'ఈ సెట్టింగ్‌లు mqtts, wss కు మాత్రమే పనికొస్తాయి.' },
    caFile: { label: 'CA సర్టిఫికెట్ ఫైల్', help: 'ఒక .pem ఫైల్ పాత్. బ్రోకర్ మీరే తయారుచేసిన సర్టిఫికెట్ వాడినప్పుడు మాత్రమే అవసరం.' },
    verify: {
      label: 'బ్రోకర్ సర్టిఫికెట్‌ను తనిఖీ చేయి',
      help: 'మీరు నిజంగా ఈ బ్రోకర్‌తోనే మాట్లాడుతున్నారని, నటిస్తున్న వేరెవరితోనో కాదని తనిఖీ చేస్తుంది.',
      warning: 'తనిఖీ ఆఫ్‌లో ఉంది: మీకూ బ్రోకర్‌కూ మధ్యలో ఉన్న ఎవరైనా మీ మెసేజ్‌లను చదవగలరు లేదా మార్చగలరు. పరీక్ష అయ్యాక దీన్ని మళ్ళీ ఆన్ చేయండి.',
    },
    wholeNumber: '60 లాంటి పూర్ణ సంఖ్యను టైప్ చేయండి.',
  },
  qos: {
    label: 'QoS',
    option0: '0: గరిష్ఠంగా ఒకసారి',
    option1: '1: కనీసం ఒకసారి',
    option2: '2: సరిగ్గా ఒకసారి',
  },
  explorer,
  playground,
  nightlight,
  board,
  lesson,
  errors,
};

const datetimeFormats = {
  time: { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' },
} as const;

export default { messages, datetimeFormats } satisfies LocaleBundle;
