// English strings of the Playground page. Part of locales/en.ts; other locales mirror its keys.

export default {
  title: 'Playground',
  description: 'Try QoS, retained messages, last will and clean sessions with clients you control, and see what the broker does.',
};
