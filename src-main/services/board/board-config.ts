// Writes the board's config.h (the lesson's file, pointed at the lab's broker on the local network, with the
// generated credentials) and the matching PubSubClient lines. Pure text; it never opens anything.
import type { BoardConfig } from '../../../src-shared/contract/board';
import { englishOf, labText, type LabSentence } from '../../../src-shared/i18n/lab-text';

export interface BoardConfigInput {
  studentId: string;
  brokerAddress: string | null;
  port: number;
  username: string;
  password: string;
  lanOn: boolean;
}

/** Addresses go inside a C string: only what host names and IP addresses use. */
export function isSafeAddress(address: string): boolean {
  return /^[A-Za-z0-9.:-]{1,253}$/.test(address);
}

export function boardConfig(input: BoardConfigInput): BoardConfig {
  const address = input.brokerAddress ?? '<BROKER ADDRESS>';
  const configH = [
    '#pragma once',
    '',
    '#include <string>',
    '',
    'using namespace std;',
    '',
    '// WiFi credentials: the same Wi-Fi as the computer running MQTT Lab',
    'const char *SSID = "<SSID>";',
    'const char *PASSWORD = "<PASSWORD>";',
    '',
    '// MQTT settings: your readings go to ID + "/telemetry", commands come on ID + "/commands"',
    `const string ID = "${input.studentId}";`,
    '',
    '// MQTT Lab\'s built-in broker on this computer\'s local network (LAN mode must be on).',
    '// If the board prints rc=-2 or rc=-4, check that both are on the same network and that the',
    `// computer's firewall lets port ${input.port} in.`,
    `const string BROKER = "${address}";`,
    `const int BROKER_PORT = ${input.port};`,
    `const char *MQTT_USERNAME = "${input.username}";`,
    `const char *MQTT_PASSWORD = "${input.password}";`,
    '',
    ...studentClientIdNote(input),
    'const string CLIENT_NAME = ID + "nightlight_client";',
    '',
    'const string CLIENT_TELEMETRY_TOPIC = ID + "/telemetry";',
    'const string SERVER_COMMAND_TOPIC = ID + "/commands";',
    '',
  ].join('\n');
  const connectLines = [
    '// in createMQTTClient():',
    'client.setServer(BROKER.c_str(), BROKER_PORT);',
    '',
    '// in reconnectMQTTClient(), instead of client.connect(CLIENT_NAME.c_str()):',
    'if (client.connect(CLIENT_NAME.c_str(), MQTT_USERNAME, MQTT_PASSWORD))',
    '',
  ].join('\n');
  const texts = warningTexts(input);
  return { brokerAddress: address, port: input.port, configH, connectLines, warnings: texts.map((text) => englishOf(text)), warningTexts: texts };
}

/** A student's own login (username = ID) is accepted only with that student's client ids: see studentOwnsClientId. */
function studentClientIdNote(input: BoardConfigInput): string[] {
  if (input.username !== input.studentId) return [];
  return [
    '// With your own login the broker takes only client ids of your ID: ID + "nightlight_client",',
    '// ID + "nightlight_server", or ID + "." + any name. Any other one gets rc=2, so keep this line as it is.',
  ];
}

/** Why the file will not work yet, as keys: the page shows them in its language, `warnings` is their English. */
function warningTexts(input: BoardConfigInput): LabSentence[] {
  const found: LabSentence[] = [];
  if (!input.lanOn) found.push(labText('board.configWarnings.lanOff'));
  if (input.brokerAddress === null) found.push(labText('board.configWarnings.noAddress'));
  return found;
}
