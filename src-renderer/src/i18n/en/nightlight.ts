// English strings of the Nightlight page. Part of locales/en.ts; other locales mirror its keys.

export default {
  title: 'Nightlight',
  description: 'Build the lesson\'s nightlight: a light sensor publishes, a server decides, and a light turns on in the dark.',
};
