// English: the reference locale. Every other locale file has exactly these keys (a test checks it).
// Messages use vue-i18n syntax: {name} is a value, "a | b" picks by count; never write a bare @ or braces.

import board from '../en/board';
import errors from '../en/errors';
import explorer from '../en/explorer';
import lesson from '../en/lesson';
import nightlight from '../en/nightlight';
import playground from '../en/playground';

const messages = {
  app: {
    name: 'MQTT Lab',
    skipToMain: 'Skip to main content',
    pageTitle: '{part} - MQTT Lab',
  },
  nav: {
    label: 'Parts of the lab',
    explorer: 'Explorer',
    playground: 'Playground',
    nightlight: 'Nightlight',
    board: 'Board',
    lesson: 'Lesson',
  },
  hostLink: {
    connecting: 'Connecting to the lab host...',
    lost: 'Lost contact with the lab host. Trying again...',
    noToken: 'This page was opened without its access key. Open the full address the lab host printed (it ends with ?token=...).',
  },
  status: {
    label: 'Lab connection',
    state: {
      idle: 'Not connected',
      connecting: 'Connecting',
      connected: 'Connected',
      reconnecting: 'Reconnecting',
      offline: 'Offline',
      error: 'Could not connect',
    },
    openDialog: 'Connection',
    why: 'Why?',
    fix: 'Change the connection',
    closeDetails: 'Close',
  },
  broker: {
    label: 'Built-in broker',
    state: {
      starting: 'starting',
      running: 'running',
      restarting: 'restarting',
      stopped: 'stopped',
      failed: 'failed',
    },
    tcpPort: 'MQTT {port}',
    wsPort: 'WebSocket {port}',
    portMoved: '{requested} was taken',
    restarted: 'restarted once | restarted {count} times',
    restart: 'Restart broker',
  },
  dialog: {
    title: 'Connection',
    intro: 'Choose the broker the lab talks to. The built-in broker runs on this computer and needs no internet.',
    close: 'Close',
    profiles: 'Broker profiles',
    kind: {
      builtin: 'built in',
      public: 'public',
      custom: 'yours',
    },
    inUse: 'in use',
    shippedNames: {
      builtin: 'Built-in broker (this computer)',
      mosquittoPlain: 'test.mosquitto.org (plain, 1883)',
      mosquittoTls: 'test.mosquitto.org (TLS, 8883)',
      mosquittoWs: 'test.mosquitto.org (WebSocket, 8080)',
      mosquittoWss: 'test.mosquitto.org (secure WebSocket, 8081)',
    },
    newProfile: 'New custom profile',
    newProfileName: 'My broker',
    copyProfile: 'Copy to a custom profile',
    copyName: '{name} (copy)',
    readonly: 'This profile comes with MQTT Lab and cannot be changed. Copy it to make your own version.',
    connect: 'Connect',
    save: 'Save',
    saved: 'Saved "{name}".',
    savedSessionOnly: 'Saved "{name}". Its password was not saved: it is used only until MQTT Lab closes.',
    delete: 'Delete',
    confirmDelete: 'Delete "{name}"? This cannot be undone.',
    confirmDeleteYes: 'Yes, delete',
    cancel: 'Cancel',
    summaryAddress: 'Address',
    summaryClientId: 'Client id',
    summaryProtocol: 'Protocol',
    summaryPassword: 'Password',
    passwordSavedShort: 'saved',
    passwordNone: 'none',
  },
  form: {
    title: 'Profile settings',
    name: { label: 'Profile name', help: 'A name you will recognise, like "Classroom Pi".' },
    host: { label: 'Broker host', help: 'The computer running the broker: a name like test.mosquitto.org or an address like 192.168.1.20.' },
    port: { label: 'Port', help: 'The door number on that computer. MQTT usually uses 1883, MQTT over TLS 8883.' },
    transport: {
      label: 'Transport',
      help: 'How the messages travel. mqtts and wss are encrypted; ws and wss go through WebSockets, like in a browser.',
      mqtt: 'mqtt (plain TCP)',
      mqtts: 'mqtts (TCP with TLS)',
      ws: 'ws (WebSocket)',
      wss: 'wss (WebSocket with TLS)',
    },
    path: { label: 'WebSocket path', help: 'The part of the address after the port. Most brokers use /mqtt.' },
    clientId: { label: 'Client id', help: 'The name the broker knows this client by. Two clients with the same id push each other off.' },
    newClientId: 'Make a new client id',
    username: { label: 'Username', help: 'Only needed when the broker asks you to log in. Leave it empty otherwise.' },
    password: {
      label: 'Password',
      help: 'Kept safely on this computer and never shown again after saving.',
      saved: 'A password is saved. Type a new one to replace it.',
      clear: 'Remove the saved password',
      sessionOnly: 'The password is kept only until MQTT Lab closes; it was not saved.',
      insecure: {
        'insecure-fallback': 'This computer has no keychain for MQTT Lab, so a saved password would only be scrambled with a key everyone has: anyone who can read your files could read it.',
        'plain-file': 'This lab runs in the browser without a keychain, so a saved password would be written almost as plain text in its data folder: anyone who can read that folder could read it.',
      },
      saveAnyway: 'Save it anyway',
      saveAnywayHelp: 'Without this tick the password is used only until MQTT Lab closes and is not written to disk.',
    },
    keepalive: { label: 'Keep-alive (seconds)', help: 'How often the client says "I am still here" when it has nothing else to send.' },
    cleanSession: { label: 'Clean session', help: 'Start fresh each time: the broker forgets this client\'s subscriptions and waiting messages.' },
    protocol: {
      label: 'MQTT version',
      help: 'Version 3.1.1 works everywhere. Version 5 adds extras; the built-in broker speaks 3.1.1.',
      v4: 'MQTT 3.1.1',
      v5: 'MQTT 5',
    },
    tls: { legend: 'Security (TLS)', help: 'These settings matter only for mqtts and wss.' },
    caFile: { label: 'CA certificate file', help: 'Path to a .pem file, only needed when the broker uses a certificate you made yourself.' },
    verify: {
      label: 'Verify the broker\'s certificate',
      help: 'Checks that you are really talking to this broker and not to someone pretending.',
      warning: 'Verification is off: anyone between you and the broker could read or change your messages. Turn it back on after testing.',
    },
    wholeNumber: 'Type a whole number, like 60.',
  },
  qos: {
    label: 'QoS',
    option0: '0: at most once',
    option1: '1: at least once',
    option2: '2: exactly once',
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

export default { messages, datetimeFormats };
