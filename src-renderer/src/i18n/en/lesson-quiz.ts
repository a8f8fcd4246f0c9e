// English text of the lesson's questions (with feedback for every answer), the things concept steps ask for,
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
  questions: {
    'pre-always-online': {
      prompt: 'Does an IoT device have to be connected to the internet all the time?',
      options: { yes: 'Yes', no: 'No' },
      feedback: {
        yes: 'Many devices are offline most of the time: they wake up, send what they measured, and sleep again to save battery.',
        no: 'Right: many devices connect only now and then, or keep working while the connection is down.',
      },
    },
    'pre-always-http': {
      prompt: 'Do IoT devices always talk to the cloud over HTTP, like a web browser?',
      options: { yes: 'Yes', no: 'No' },
      feedback: {
        yes: 'HTTP is one way, but a small device often uses something lighter. This lesson is about MQTT, and there are others such as AMQP.',
        no: 'Right: HTTP is only one choice. Light protocols like MQTT suit small devices better.',
      },
    },
    'pre-cloud-decides': {
      prompt: 'Does every decision an IoT device makes have to come from the cloud?',
      options: { yes: 'Yes', no: 'No' },
      feedback: {
        yes: 'Devices can decide simple things themselves, like the first nightlight did. Asking the cloud is useful when the decision needs more data.',
        no: 'Right: a device can decide on its own, and the cloud helps when a decision needs more than one device knows.',
      },
    },
    'post-telemetry-name': {
      prompt: 'What do we call the sensor data a device sends to the cloud?',
      options: { telemetry: 'Telemetry', commands: 'Commands', retained: 'Retained messages' },
      feedback: {
        telemetry: 'Right: telemetry is measurements sent from the device, like the light level.',
        commands: 'Commands go the other way: from the cloud to the device, like led_on.',
        retained: 'Retained is a flag a message can have, not the name for sensor data.',
      },
    },
    'post-offline-command': {
      prompt: 'A command is sent while the device is offline. Is it sent again when the device comes back?',
      options: { always: 'Always', never: 'Never', depends: 'It depends' },
      feedback: {
        always: 'Not always: an old "switch the LED on" may be useless by then. It depends on the command, the device and the app.',
        never: 'Sometimes it is: with a persistent session and QoS 1 or 2 the broker keeps it. It depends on the command, the device and the app.',
        depends: 'Right: it depends on the command, the device and the application, and on how the session and QoS are set up.',
      },
    },
    'post-message-queues': {
      prompt: 'Does MQTT keep messages in queues, the way a mail server keeps letters until you read them?',
      options: { yes: 'Yes', no: 'No' },
      feedback: {
        yes: 'Not in the usual sense: a topic is not a queue. The broker passes messages on and forgets them, except retained messages and what it keeps for a persistent session.',
        no: 'Right: MQTT has no message queues in the usual sense. Messages nobody subscribed to are simply gone.',
      },
    },
    'check-connectivity': {
      prompt: 'Your nightlight was offline and three LED commands waited for it. What should it do when it is back?',
      options: {
        'resend-all-in-order': 'Apply all three, in order',
        'latest-only': 'Apply only the newest one',
        'drop-all': 'Ignore them all',
      },
      feedback: {
        'resend-all-in-order': 'The LED would flicker through old states. For commands that each replace the last one, only the newest matters.',
        'latest-only': 'Right: "LED on" is replaced by the next command, so only the newest one matters.',
        'drop-all': 'Then the LED could stay wrong until the next reading. The newest command is still useful.',
      },
    },
    'check-command-topics': {
      prompt: 'Thirty nightlights share one server. Where should the server send a command meant for one of them?',
      options: {
        'one-shared': 'One topic all of them listen to',
        'per-device': 'A topic of its own for each device',
        wildcard: 'A topic with a wildcard in it',
      },
      feedback: {
        'one-shared': 'Then all thirty would obey a command meant for one.',
        'per-device': 'Right: like ID/commands, each device hears only what is meant for it.',
        wildcard: 'Wildcards are only for subscribing: you cannot publish to a topic with + or # in it.',
      },
    },
    'check-security': {
      prompt: 'Who can read the messages you publish on test.mosquitto.org?',
      options: { private: 'Only me', anyone: 'Anyone', 'teacher-only': 'Only my teacher' },
      feedback: {
        private: 'No: it is a public broker with no login. Anyone who subscribes to # sees your messages.',
        anyone: 'Right: anyone. Use it only for tests with nothing private in them.',
        'teacher-only': 'No: the public broker does not know who your teacher is. Anyone can subscribe.',
      },
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
    questions: {
      'many-devices': 'A broker may have thousands of devices connected at once. How do you think it copes, and what could go wrong?',
      'several-sensors': 'Think of a decision that needs readings from more than one sensor, or more than one device. Where should that decision be made?',
      'assured-delivery': 'When does a message really have to arrive? Give an example where losing one would matter, and one where it would not.',
      'unheard-messages': 'What happens to a message that nobody is subscribed to? Is that a problem for your nightlight?',
      'command-order': 'Some commands must be done in the order they were sent. How could a device make sure it keeps that order?',
    },
    notesLabel: 'Your notes',
  },
  assignment: {
    title: 'Assignment: compare MQTT, AMQP and HTTP',
    intro: 'Find out how MQTT, AMQP and HTTP or HTTPS compare for IoT devices, and write it up in your own words.',
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
