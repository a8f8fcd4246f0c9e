// English strings of the Board page. Part of locales/en.ts; other locales mirror its keys.

export default {
  title: 'Board',
  description: 'Connect a real board over USB, flash its sketch and watch it talk MQTT.',
};
