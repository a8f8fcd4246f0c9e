// The Wio Terminal (Arduino, PubSubClient + ArduinoJson) version of the nightlight device, as in the lesson, for the
// current settings. PubSubClient speaks plain MQTT only, so TLS/WebSocket profiles get a note. Pure text generation.
import { NIGHTLIGHT_DEFAULT_THRESHOLD } from '../../../../src-shared/contract/nightlight';
import { js, PASSWORD_PLACEHOLDER, type CodeContext } from './code-context';

function configLines(context: CodeContext): string[] {
  const { device, deviceBroker: broker } = context;
  const plain = broker.transport === 'mqtt';
  return [
    '// ---- config.h ----',
    'const char *SSID = "<SSID>";',
    'const char *PASSWORD = "<PASSWORD>";',
    '',
    `const string ID = ${js(device.studentId)};`,
    `const string BROKER = ${js(broker.host === '127.0.0.1' ? '<IP address of the computer running MQTT Lab>' : broker.host)};`,
    `const int BROKER_PORT = ${plain ? broker.port : (broker.tcpFallbackPort ?? 1883)};`,
    ...(plain ? [] : ['// PubSubClient speaks plain MQTT only (no TLS or WebSocket), so this uses the plain MQTT port.']),
    `const string CLIENT_NAME = ${js(device.clientId)};`,
    `const string CLIENT_TELEMETRY_TOPIC = ${js(device.telemetryTopic)};`,
    `const string SERVER_COMMAND_TOPIC = ${js(device.commandTopic)};`,
    ...(broker.username ? [`const char *MQTT_USERNAME = ${js(broker.username)};`, `const char *MQTT_PASSWORD = ${js(PASSWORD_PLACEHOLDER)};`] : []),
    '// ---- end of config.h ----',
    '',
  ];
}

const INCLUDES = ['#include <Arduino.h>', '#include <ArduinoJson.h>', '#include <PubSubClient.h>', '#include <rpcWiFi.h>', '#include <SPI.h>', '#include <string>', '', 'using namespace std;', ''];

const WIFI = [
  'void connectWiFi()',
  '{',
  '    while (WiFi.status() != WL_CONNECTED)',
  '    {',
  '        Serial.println("Connecting to WiFi..");',
  '        WiFi.begin(SSID, PASSWORD);',
  '        delay(500);',
  '    }',
  '',
  '    Serial.println("Connected!");',
  '}',
  '',
  'WiFiClient wioClient;',
  'PubSubClient client(wioClient);',
  '',
];

const CALLBACK = [
  'void clientCallback(char *topic, uint8_t *payload, unsigned int length)',
  '{',
  '    char buff[length + 1];',
  '    for (int i = 0; i < length; i++)',
  '    {',
  '        buff[i] = (char)payload[i];',
  '    }',
  "    buff[length] = '\\0';",
  '',
  '    Serial.print("Message received:");',
  '    Serial.println(buff);',
  '',
  '    DynamicJsonDocument doc(1024);',
  '    if (deserializeJson(doc, buff))',
  '    {',
  '        Serial.println("Ignored: not JSON");',
  '        return;',
  '    }',
  '    JsonObject obj = doc.as<JsonObject>();',
  '',
  '    bool led_on = obj["led_on"];',
  '',
  '    if (led_on)',
  '        digitalWrite(D0, HIGH);',
  '    else',
  '        digitalWrite(D0, LOW);',
  '}',
  '',
];

function reconnectLines(subscribe: boolean, hasUser: boolean): string[] {
  const connect = hasUser ? 'client.connect(CLIENT_NAME.c_str(), MQTT_USERNAME, MQTT_PASSWORD)' : 'client.connect(CLIENT_NAME.c_str())';
  return [
    'void reconnectMQTTClient()',
    '{',
    '    while (!client.connected())',
    '    {',
    '        Serial.print("Attempting MQTT connection...");',
    '',
    `        if (${connect})`,
    '        {',
    '            Serial.println("connected");',
    ...(subscribe ? ['            client.subscribe(SERVER_COMMAND_TOPIC.c_str());'] : []),
    '        }',
    '        else',
    '        {',
    '            Serial.print("Retying in 5 seconds - failed, rc=");',
    '            Serial.println(client.state());',
    '',
    '            delay(5000);',
    '        }',
    '    }',
    '}',
    '',
  ];
}

export function arduinoDevice(context: CodeContext): string {
  const { device, deviceBroker: broker } = context;
  const stage = device.firmwareStage;
  const mqtt = stage !== 'local-only';
  const commands = stage === 'telemetry+commands';
  const lines = [...INCLUDES, ...configLines(context)];
  if (mqtt) lines.push(...WIFI, ...(commands ? CALLBACK : []), ...reconnectLines(commands, Boolean(broker.username)));
  if (mqtt) lines.push('void createMQTTClient()', '{', '    client.setServer(BROKER.c_str(), BROKER_PORT);', ...(commands ? ['    client.setCallback(clientCallback);'] : []), '    reconnectMQTTClient();', '}', '');
  lines.push('void setup()', '{', '    Serial.begin(9600);', '    while (!Serial)', '        ; // Wait for Serial to be ready', '    delay(1000);', '', '    pinMode(WIO_LIGHT, INPUT);', '    pinMode(D0, OUTPUT);');
  if (mqtt) lines.push('', '    connectWiFi();', '    createMQTTClient();');
  lines.push('}', '', 'void loop()', '{');
  if (mqtt) lines.push('    reconnectMQTTClient();', '    client.loop();', '');
  if (stage === 'local-only') {
    lines.push('    int light = analogRead(WIO_LIGHT);', '    Serial.print("Light value: ");', '    Serial.println(light);', '', `    if (light < ${NIGHTLIGHT_DEFAULT_THRESHOLD})`, '        digitalWrite(D0, HIGH);', '    else', '        digitalWrite(D0, LOW);', '', '    delay(1000);', '}', '');
    return lines.join('\n');
  }
  if (stage === 'telemetry' || commands) {
    lines.push(
      '    int light = analogRead(WIO_LIGHT);',
      '',
      '    DynamicJsonDocument doc(1024);',
      '    doc["light"] = light;',
      '',
      '    string telemetry;',
      '    serializeJson(doc, telemetry);',
      '',
      '    Serial.print("Sending telemetry ");',
      '    Serial.println(telemetry.c_str());',
      '',
      `    client.publish(CLIENT_TELEMETRY_TOPIC.c_str(), telemetry.c_str()${device.retain ? ', true' : ''});`,
      '',
    );
  }
  lines.push(`    delay(${device.telemetryIntervalMs});`, '}', '');
  return lines.join('\n');
}
