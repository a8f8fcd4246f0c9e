// English words the lesson's check sentences take as values: LED and light states, and why a payload was not
// understood. Shared by the main side (English sentences, the export) and the UI's `lesson.*` i18n keys.

export const lessonWordsEn = {
  checkWords: {
    on: 'on',
    off: 'off',
    dark: 'dark',
    bright: 'bright',
  },
  payloadReasons: {
    notText: 'it is not text (binary bytes).',
    notJson: 'it is not JSON.',
    notObject: 'it is JSON but not an object in { }.',
    noLight: 'it has no field called light.',
    lightIsText: 'light is text in quotes, not a number.',
    lightNotNumber: 'light is not a number.',
    noLedOn: 'it has no field called led_on.',
    ledOnIsText: 'led_on is text in quotes, not true or false.',
    ledOnNotBoolean: 'led_on is not true or false.',
  },
};
