// English strings of the Lesson page. Part of locales/en.ts; other locales mirror its keys.

export default {
  title: 'Lesson',
  description: 'Follow the MQTT lesson of IoT for Beginners step by step, with checks that tell you when each step works.',
};
