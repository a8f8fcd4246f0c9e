// "Show me the code": picks the generator for a language and program and adds a file name and how to run it.
// Pure; the service builds the CodeContext from the settings and the broker's real address.
import { LabError } from '../../../../src-shared/contract/result';
import type { CodeLanguage, CodeProgram, GeneratedCode } from '../../../../src-shared/contract/nightlight';
import { arduinoDevice } from './arduino-code';
import type { CodeContext } from './code-context';
import { javascriptDevice, javascriptServer } from './javascript-code';
import { mosquittoDevice, mosquittoServer } from './mosquitto-code';
import { pythonDevice, pythonServer } from './python-code';

export function generateCode(language: CodeLanguage, program: CodeProgram, context: CodeContext): GeneratedCode {
  const make = (fileName: string, text: string, howToRun: string): GeneratedCode => ({ language, program, fileName, text, howToRun });
  switch (language) {
    case 'python':
      return program === 'device'
        ? make('app.py', pythonDevice(context), 'pip install paho-mqtt counterfit-connection counterfit-shims-grove, then: python app.py (MQTT Lab answers as CounterFit).')
        : make('app.py', pythonServer(context), 'pip install paho-mqtt, then: python app.py');
    case 'javascript':
      return program === 'device'
        ? make('app.mjs', javascriptDevice(context), 'npm install mqtt, then: node app.mjs (Node.js 18 or newer).')
        : make('server.mjs', javascriptServer(context), 'npm install mqtt, then: node server.mjs (Node.js 18 or newer).');
    case 'arduino':
      if (program === 'server') {
        throw new LabError('INVALID_INPUT', 'The Wio Terminal runs the device, not the server: pick Python, JavaScript or mosquitto for the server.', 'program');
      }
      return make('main.cpp', arduinoDevice(context), 'In PlatformIO add knolleary/PubSubClient, bblanchon/ArduinoJson and the Seeed WiFi libraries, then upload.');
    case 'mosquitto':
      return program === 'device'
        ? make('device-commands.sh', mosquittoDevice(context), 'Run each command in its own terminal (apt install mosquitto-clients).')
        : make('server-commands.sh', mosquittoServer(context), 'Run each command in its own terminal (apt install mosquitto-clients).');
  }
}
