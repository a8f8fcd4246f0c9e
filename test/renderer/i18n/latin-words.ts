// What may stay in Latin script when the app speaks Telugu: MQTT and code words students meet on brokers and in code,
// product names, and exact strings the lesson's code prints. Everything else in Latin letters counts as untranslated.
// Shared by the renderer's fake-bridge check (telugu-pages.test.ts) and the real-lab check (test/e2e/telugu.spec.ts).

/** Removed first, as written (case matters): phrases whose words would be too loose to allow one by one. */
export const ALLOWED_PHRASES: readonly string[] = [
  'MQTT Lab',
  'IoT for Beginners',
  'MQTT connected!',
  'Message received',
  'sensor offline',
  'Session present',
  'session present',
  'Serial Monitor',
  'Serial.begin()',
  'Arduino IDE',
  // a Telugu label's gloss: క్లయింట్ ID (client id); a bare "client id" in a Telugu sentence still counts as English
  '(client id)',
  'Keep-alive',
  'keep-alive',
  'Wi-Fi',
  'Ctrl+C',
  'test.mosquitto.org',
  'application/json',
  'mqtt.js',
  'paho-mqtt',
  'app.py',
  'config.h',
  'mqtt_client.subscribe',
  'time.sleep()',
  '?token=',
  // error messages (src-shared/i18n/errors-en.ts): file names, a certificate's first line, examples typed as is
  'mosquitto.org.crt',
  '.crt',
  'BEGIN CERTIFICATE',
  'Serial Plotter',
  '"explorer"',
  'lab-4k2x9q',
  '"publisher"',
  'playground-sensor',
  // the CounterFit call log and the password notice: a call in the lesson's code, a JSON field, file and keychain names
  'CounterFitConnection.init',
  '"value"',
  'profiles.json',
  'Secret Service',
  'KWallet',
  // the serial monitor's note about a line without an ending names the sketch's call
  'Serial.println',
];

/** Single words allowed as written (case matters, so "Broker" or "Message" in a sentence still fails). */
export const ALLOWED_WORDS: ReadonlySet<string> = new Set([
  // MQTT, its packets, flags and settings as the protocol and the diagram write them
  'MQTT', 'QoS', 'CONNECT', 'CONNACK', 'PUBLISH', 'PUBACK', 'PUBREC', 'PUBREL', 'PUBCOMP', 'SUBSCRIBE', 'SUBACK',
  'UNSUBSCRIBE', 'UNSUBACK', 'PINGREQ', 'PINGRESP', 'DISCONNECT', 'DUP', 'Dup', 'dup',
  'Retain', 'retain', 'clean', 'id', 'ID', 'SYS', 'Pi',
  // transports, formats and units
  'mqtt', 'mqtts', 'ws', 'wss', 'TCP', 'TLS', 'WebSocket', 'HTTP', 'HTTPS', 'AMQP', 'JSON', 'CSV', 'Hex', 'base64', 'pem',
  'CA', 'KB', 'MB', 'ms', 's', 'USB', 'LED', 'IoT', 'Tab', 'Ctrl', 'C',
  // products, boards and tools students install or plug in
  'Python', 'JavaScript', 'Arduino', 'Wio', 'Terminal', 'Raspberry', 'CounterFit', 'Uno', 'PubSubClient', 'mosquitto',
  'Linux', 'Plotter', 'DTR', 'NL', 'CR', 'COM3', 'dev', 'tty', 'ttyACM0', 'usbmodem1101', 'dialout',
  // names in the lesson's code and sketches, topic levels and payload fields shown as examples
  'BROKER', 'CLIENT_NAME', 'led_on', 'nightlight_client', 'light', 'telemetry', 'commands', 'raw', 'debug', 'led',
  'home', 'kitchen', 'room1', 'temperature', 'pin', 'lab', 'playground', 'true', 'false', 'offline', 'rc', 'a', 'b', 'h',
  // PubSubClient's names for connection results, kept so a student can look them up
  'timeout', 'bad', 'protocol', 'credentials', 'unavailable', 'unauthorised',
  // the retain "flag" of a message, named once next to its Telugu word
  'flag',
]);

/** Attributes whose words a student sees or a screen reader says. */
export const TEXT_ATTRIBUTES: readonly string[] = ['aria-label', 'placeholder', 'title', 'alt', 'aria-valuetext', 'aria-roledescription'];

/** Code the student copies is shown as written, in any language. `.how-text` is "how to run" the nightlight code: its
 * words are translated (GeneratedCode.howToRunText), the commands in it (pip install ..., python app.py) are not. */
export const CODE_SELECTOR = 'pre, code, textarea, script, style, .how-text';

/** Latin-script words in `text` that are neither allowed words nor part of an allowed phrase (or of `extraPhrases`). */
export function untranslatedWords(text: string, extraPhrases: readonly string[] = []): string[] {
  // Lesson text marks code with `backticks`: what is inside is typed as is.
  let rest = text.replace(/`[^`]*`/g, ' ');
  for (const phrase of [...extraPhrases, ...ALLOWED_PHRASES].sort((a, b) => b.length - a.length)) rest = rest.split(phrase).join(' ');
  return (rest.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? []).filter((word) => !ALLOWED_WORDS.has(word));
}
