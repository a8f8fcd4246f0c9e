// English text of feedback for every answer of the lesson's questions, the things concept steps ask for,
// the reflection questions and the assignment. Part of en/lesson.ts; written in our own words.

export default {
  quiz: {
    preTitle: 'Quiz before the lesson',
    preIntro: 'What do you think already? Guessing is fine: the feedback explains each answer.',
    postTitle: 'Quiz after the lesson',
    postIntro: 'See what stuck. You can answer again as often as you like; the last answer counts.',
    check: 'Check my answer',
    pickFirst: 'Pick an answer first.',
    correct: 'Right.',
    wrong: 'Not quite.',
    score: '{correct} of {total} right',
    attempts: 'Answered once | Answered {count} times',
  },
  /** Feedback for each answer a student can give (the question and its options are in lesson-text-en.ts). */
  answerFeedback: {
    'pre-always-online': {
      yes: 'Many devices are offline most of the time: they wake up, send what they measured, and sleep again to save battery.',
      no: 'Many devices connect only now and then, or keep working while the connection is down.',
    },
    'pre-always-http': {
      yes: 'HTTP is one way, but a small device often uses something lighter. This lesson is about MQTT; AMQP is another.',
      no: 'HTTP is only one choice. Light protocols like MQTT suit small devices better.',
    },
    'pre-cloud-decides': {
      yes: 'Devices can decide simple things themselves, like the nightlight of the last lesson. The cloud helps when a decision needs more data.',
      no: 'A device can decide on its own; the cloud helps when a decision needs more than one device knows.',
    },
    'post-telemetry-name': {
      telemetry: 'Telemetry is what a device measures and sends, like the light level.',
      commands: 'Commands go the other way: from the cloud to the device, like led_on.',
      retained: 'Retained is a flag a message can carry, not the name for sensor data. Sensor data is telemetry.',
    },
    'post-offline-command': {
      always: 'An old "switch the LED on" may be useless an hour later. It depends on the command, the device and the application.',
      never: 'Sometimes it is: with a persistent session and QoS 1 or 2 the broker keeps it. It depends on the command, the device and the application.',
      depends: 'It depends on the command, the device and the application, and on how the session and QoS are set up.',
    },
    'post-message-queues': {
      yes: 'A topic is not a queue. The broker passes messages on and forgets them, except the retained one and what it keeps for a persistent session.',
      no: 'MQTT has no message queues in the usual sense: a message nobody subscribed to is simply gone.',
    },
    'check-connectivity': {
      'resend-all-in-order': 'The LED would flicker through old states. When each command replaces the last one, only the newest matters.',
      'latest-only': 'Each light command replaces the one before, so only the newest one matters.',
      'drop-all': 'Then the LED could stay wrong until the next reading. The newest command is still useful.',
    },
    'check-command-topics': {
      'one-shared': 'Then all thirty would obey a command meant for one of them.',
      'per-device': 'With a topic like ID/commands, each device hears only what is meant for it.',
      wildcard: 'Wildcards are only for subscribing: a published message needs an exact topic.',
    },
    'check-security': {
      private: 'The public broker has no login: anyone who subscribes to # sees your messages.',
      anyone: 'Anyone can. Use it only for tests with nothing private in them.',
      'teacher-only': 'The public broker does not know who your teacher is: anyone can subscribe.',
    },
  },
  activities: {
    'explorer-exercise': {
      telemetry: 'Wildcard lab exercise: your telemetry only',
      'everything-mine': 'Wildcard lab exercise: everything under your ID',
      'all-telemetry': 'Wildcard lab exercise: every device\'s telemetry',
      'every-temperature': 'Wildcard lab exercise: every temperature',
      'system-topics': 'Wildcard lab exercise: the broker\'s own topics',
    },
    'playground-experiment': {
      'qos0-loss': 'Experiment: QoS 0 on a bad network',
      'qos1-lost-puback': 'Experiment: QoS 1 when the answer is lost',
      'qos2-loss': 'Experiment: QoS 2 on a bad network',
      retained: 'Experiment: retained messages',
      'persistent-session': 'Experiment: a persistent session',
      'keepalive-will': 'Experiment: keep-alive and the last will',
    },
    observation: {
      'telemetry-rate-changed': 'Telemetry arrives at a new rate',
      'store-and-forward-replayed': 'Stored readings arrive after the network comes back',
    },
    question: 'Answer the question',
  },
  reflection: {
    title: 'Think about it',
    intro: 'There are no wrong answers here. Write a few sentences for each; your notes are saved as you type.',
  },
  assignmentForm: {
    intro: 'Find out how they compare for IoT devices and write it up in your own words. Think about:',
    points: {
      power: 'Power: which one lets a battery device last longest, and why?',
      security: 'Security: how does each keep messages private, and who can connect?',
      drops: 'Dropped connections: what happens to messages when the network goes away and comes back?',
    },
    label: 'Your comparison',
    count: '{count} characters',
  },
  saving: {
    pending: 'Not saved yet',
    saving: 'Saving...',
    saved: 'Saved',
    failed: 'Could not save',
  },
};
