// "Show me the code": picks the generator for a language and program and adds a file name and how to run it.
// Pure; the service builds the CodeContext from the settings and the broker's real address.
import { LabError } from '../../../../src-shared/contract/result';
import { errorText } from '../../../../src-shared/i18n/error-text';
import type { nightlightNotesEn } from '../../../../src-shared/i18n/en/nightlight-notes';
import { englishOf, labText } from '../../../../src-shared/i18n/lab-text';
import type { CodeLanguage, CodeProgram, GeneratedCode } from '../../../../src-shared/contract/nightlight';
import { arduinoDevice } from './arduino-code';
import type { CodeContext } from './code-context';
import { javascriptDevice, javascriptServer } from './javascript-code';
import { mosquittoDevice, mosquittoServer } from './mosquitto-code';
import { pythonDevice, pythonServer } from './python-code';

type RunStep = keyof typeof nightlightNotesEn.runSteps;

export function generateCode(language: CodeLanguage, program: CodeProgram, context: CodeContext): GeneratedCode {
  const make = (fileName: string, text: string, step: RunStep, params: Record<string, string>): GeneratedCode => {
    const howToRunText = labText(`nightlight.runSteps.${step}`, params);
    return { language, program, fileName, text, howToRun: englishOf(howToRunText), howToRunText };
  };
  const node = (file: string) => ({ install: 'npm install mqtt', run: `node ${file}`, runtime: 'Node.js 18' });
  const apt = { install: 'apt install mosquitto-clients' };
  switch (language) {
    case 'python':
      return program === 'device'
        ? make('app.py', pythonDevice(context), 'installThenRunCounterfit', { install: 'pip install paho-mqtt counterfit-connection counterfit-shims-grove', run: 'python app.py' })
        : make('app.py', pythonServer(context), 'installThenRun', { install: 'pip install paho-mqtt', run: 'python app.py' });
    case 'javascript':
      return program === 'device'
        ? make('app.mjs', javascriptDevice(context), 'installThenRunNode', node('app.mjs'))
        : make('server.mjs', javascriptServer(context), 'installThenRunNode', node('server.mjs'));
    case 'arduino':
      if (program === 'server') {
        throw new LabError('INVALID_INPUT', errorText('errors.nightlight.wioServer'), 'program');
      }
      return make('main.cpp', arduinoDevice(context), 'platformio', {
        tool: 'PlatformIO',
        libraries: 'knolleary/PubSubClient, bblanchon/ArduinoJson + Seeed WiFi',
      });
    case 'mosquitto':
      return program === 'device'
        ? make('device-commands.sh', mosquittoDevice(context), 'eachInOwnTerminal', apt)
        : make('server-commands.sh', mosquittoServer(context), 'eachInOwnTerminal', apt);
  }
}
