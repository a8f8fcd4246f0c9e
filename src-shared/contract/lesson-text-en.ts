// The lesson's English text: steps, hints, check sentences, questions with feedback, reflections and the assignment.
// Used by the main side (check sentences, the teacher's export) and as the source of the UI's `lesson.*` i18n keys.
// Placeholders are {name}; no '|' or '@' (vue-i18n treats them specially). Pure data, no imports.

export const lessonTextEn = {
  steps: {
    E1: {
      title: 'Connect your device to a broker',
      explain: 'A broker is the post office of MQTT: devices and servers never talk to each other directly, they all connect to the broker. Your device needs a client id that nobody else uses, so the lesson puts your ID in it: `{id}nightlight_client`.',
      todo: 'Switch on the nightlight\'s device (or start your own device code) so that it connects to the broker.',
      hints: {
        '1': 'On the Nightlight page, the device panel shows whether the device is connected.',
        '2': 'Your own code? Its client id must contain your ID `{id}`, and it must connect to the same broker the lab uses.',
        '3': 'On a public broker the lab cannot see who connects; this step then passes as soon as your first telemetry arrives.',
      },
    },
    E2: {
      title: 'Send light telemetry',
      explain: 'Telemetry is data a device measures and sends away, a little at a time. Your nightlight sends its light level as JSON, like {"light": 400}, on the topic `{id}/telemetry`.',
      todo: 'Let the device send at least two light readings on `{id}/telemetry`.',
      hints: {
        '1': 'The payload must be JSON with a number called light, for example {"light": 250}.',
        '2': 'Check the spelling of the topic: `{id}/telemetry`, all lowercase, no spaces.',
      },
    },
    E3: {
      title: 'Run a server that receives the telemetry',
      explain: 'The server is just another MQTT client. It subscribes to your telemetry topic, so the broker hands it every reading your device publishes.',
      todo: 'Start the server (the lab\'s server panel, or your own server code) so that it subscribes to `{id}/telemetry`.',
      hints: {
        '1': 'On the Nightlight page, press Start in the server panel.',
        '2': 'In your own code the line looks like mqtt_client.subscribe(\'{id}/telemetry\').',
      },
    },
    E4: {
      title: 'The server sends commands',
      explain: 'A command tells a device to do something. Your server decides: when the light is below 300 it is dark, so the LED should be on. It publishes {"led_on": true} or {"led_on": false} on `{id}/commands`.',
      todo: 'Make the server answer a dark reading (below 300) and a bright reading (300 or more) with the right command.',
      hints: {
        '1': 'The rule is led_on = light < 300. Exactly 300 counts as bright.',
        '2': 'Change the light on the Nightlight page: cover the sensor (0) for dark, the room (400) for bright.',
        '3': 'Commands go to `{id}/commands`, with an s at the end.',
      },
    },
    E5: {
      title: 'The device obeys the commands',
      explain: 'The device subscribes to its commands topic and switches the LED when a command arrives. Now the server, not the device, decides when the light goes on.',
      todo: 'Let the device switch its LED on and off because of the server\'s commands.',
      hints: {
        '1': 'The device must subscribe to `{id}/commands` and read led_on from the JSON.',
        '2': 'The lab can see the LED of its own virtual device and of code that uses the lab\'s CounterFit address. A real board\'s LED it cannot see: then it checks that your device listens for commands and keeps working, and you look at the LED yourself.',
      },
    },
    E6: {
      title: 'The whole loop: dark, bright, dark',
      explain: 'Now everything works together: the device measures, the server decides, the device obeys. Test it like a real nightlight at dusk and dawn.',
      todo: 'Make it dark, then bright, then dark again, and watch the LED follow each time.',
      hints: {
        '1': 'Use the light slider or presets on the Nightlight page: Covered, then Room, then Covered.',
        '2': 'Wait for a reading and its command after each change before you change the light again.',
      },
    },
    'broker-topics-wildcards': {
      title: 'Brokers, topics and wildcards',
      explain: 'Topics are names with levels, like `home/kitchen/temperature`. When you subscribe you may use wildcards: + stands for exactly one level, # for any number of levels at the end.',
      todo: 'Solve three exercises in the Explorer\'s wildcard lab.',
      hints: {
        '1': '`{id}/#` matches everything under your ID.',
        '2': '`+/telemetry` matches the telemetry of every device, one level deep.',
      },
    },
    qos: {
      title: 'Quality of service: 0, 1 and 2',
      explain: 'QoS 0 sends a message once and hopes (at most once). QoS 1 repeats until it gets a receipt, so a copy may arrive twice (at least once). QoS 2 uses a four-step handshake so each message arrives exactly once, at the cost of more packets.',
      todo: 'Run the three QoS experiments in the Playground and compare what arrived.',
      hints: {
        '1': 'Watch the packet log: count the PUBACK, PUBREC, PUBREL and PUBCOMP packets.',
      },
    },
    retained: {
      title: 'Retained messages',
      explain: 'A retained message is kept by the broker: the newest one on a topic is handed to every client that subscribes later. Handy for "the last known state".',
      todo: 'Run the retained-message experiment in the Playground.',
      hints: {
        '1': 'A late subscriber gets the retained message at once, marked as retained.',
      },
    },
    'keepalive-will': {
      title: 'Keep-alive and the Last Will',
      explain: 'With keep-alive, a quiet client sends a small PINGREQ now and then so the broker knows it is still there. If the broker hears nothing for too long, it gives up on the client and publishes the client\'s Last Will, for example "offline".',
      todo: 'Run the keep-alive and Last Will experiment in the Playground.',
      hints: {
        '1': 'The broker waits about one and a half keep-alive periods before it publishes the Will.',
      },
    },
    sessions: {
      title: 'Sessions',
      explain: 'With a persistent session (clean session off) the broker remembers a client\'s subscriptions and keeps its QoS 1 and 2 messages while it is offline, and delivers them when it comes back.',
      todo: 'Run the persistent-session experiment in the Playground.',
      hints: {
        '1': 'Only QoS 1 and 2 messages are kept for an offline client; QoS 0 ones are not.',
      },
    },
    'telemetry-frequency': {
      title: 'How often to send telemetry',
      explain: 'Sending more often shows changes sooner, but uses more battery, data and server time. A nightlight does not need a reading every 100 ms; a fire alarm needs one often.',
      todo: 'Change how often your device sends its light level, and let the lab notice the new rate.',
      hints: {
        '1': 'On the Nightlight page, change the telemetry interval (for example from 5000 ms to 1000 ms).',
        '2': 'Your own code? Change the time.sleep() in its loop.',
      },
    },
    'connectivity-loss': {
      title: 'When the connection is lost',
      explain: 'Devices lose their connection: Wi-Fi drops, batteries run out. A device can drop the readings it took while offline, or store them and send them later in order (store and forward). Commands have the same question: some can be replaced by a newer one (only the latest light command matters), others must all be done in order.',
      todo: 'Turn on store and forward, cut the device\'s network for a while, restore it and let the stored readings arrive. Then answer the question.',
      hints: {
        '1': 'On the Nightlight page: switch on store and forward, press "Cut network", wait 10 seconds, then restore it.',
        '2': 'Without store and forward the readings from the time offline are simply gone.',
      },
    },
    'command-topics': {
      title: 'A commands topic per device',
      explain: 'When many devices share a broker, each gets its own commands topic, like `{id}/commands`. Then a command reaches exactly the device it is meant for, and a server can still hear all devices with `+/telemetry`.',
      todo: 'Answer the question. You can also try the server\'s "many devices" mode on the Nightlight page.',
      hints: {
        '1': 'Think of a school with 30 nightlights: which one should switch on?',
      },
    },
    security: {
      title: 'Security',
      explain: 'The public test broker is open: anyone can read and write any topic, so never send secrets there. Real systems use a username and password per device, and certificates (TLS) so nobody can listen in or pretend to be the broker.',
      todo: 'Answer the question. Then look at the connection dialog: which profiles use TLS or a password?',
      hints: {
        '1': 'Your ID makes your topics hard to guess, but not secret.',
      },
    },
  },
  checks: {
    'watch-offline': {
      saw: 'The lesson\'s checker is not connected to {brokerUrl}: {reason}',
      expected: 'The checks need the lab connected to the broker your device uses. Use the connection button at the top.',
    },
    'e1-waiting': {
      saw: 'No client with your ID `{id}` in its client id has connected yet.',
      expected: 'A client such as `{clientId}` connects to the broker.',
    },
    'e1-waiting-external': {
      saw: 'Nothing has arrived under `{id}/` yet. On this broker the lab cannot see who connects.',
      expected: 'Your device\'s first telemetry on `{id}/telemetry` shows it is connected.',
    },
    'e1-other-client': {
      saw: 'A client `{clientId}` connected, but its client id does not contain your ID `{id}`.',
      expected: 'The lesson\'s client id is `{expectedClientId}`, so nobody else on the broker uses the same one.',
    },
    'e1-client-seen': {
      saw: 'The client `{clientId}` connected.',
      expected: 'A client with your ID connects. Done!',
    },
    'e1-telemetry-seen': {
      saw: 'Telemetry arrived on `{topic}`, so your device is connected.',
      expected: 'A client with your ID connects. Done!',
    },
    'e2-waiting': {
      saw: 'No telemetry has arrived on `{topic}` yet.',
      expected: 'Two readings like {"light": 400} on `{topic}`.',
    },
    'e2-counting': {
      saw: '{count} of {needed} readings arrived on `{topic}`. The last one: light {light}.',
      expected: 'Two readings like {"light": 400} on `{topic}`.',
    },
    'e2-bad-payload': {
      saw: 'Something arrived on `{topic}` but it is not a light reading: {reason} It was: {payload}',
      expected: 'JSON with a number called light, like {"light": 400}.',
    },
    'e2-wrong-topic': {
      saw: 'I see a light reading on `{topic}`, but the lesson\'s telemetry topic is `{expectedTopic}`.',
      expected: 'Readings on `{expectedTopic}`.',
    },
    'e2-passed': {
      saw: '{count} readings arrived on `{topic}`.',
      expected: 'Two readings on `{topic}`. Done!',
    },
    'e3-waiting': {
      saw: 'Nothing has subscribed to `{topic}` yet, and no commands have answered your telemetry.',
      expected: 'A server subscribes to `{topic}`.',
    },
    'e3-waiting-external': {
      saw: 'No commands have answered your telemetry yet. On this broker the lab cannot see subscriptions.',
      expected: 'A server that receives `{topic}` starts to send commands.',
    },
    'e3-wrong-filter': {
      saw: 'The client `{clientId}` subscribed to `{filter}`, which does not match `{topic}`.',
      expected: 'A subscription to `{topic}` (or a filter that matches it).',
    },
    'e3-subscribed': {
      saw: 'The client `{clientId}` subscribed to `{filter}`.',
      expected: 'A server subscribes to `{topic}`. Done!',
    },
    'e3-answering': {
      saw: 'Commands on `{commandTopic}` answer the telemetry on `{topic}`, so a server receives it.',
      expected: 'A server receives `{topic}`. Done!',
    },
    'e4-waiting': {
      saw: 'No command has arrived on `{commandTopic}` yet.',
      expected: 'For each reading, the server sends {"led_on": true} when light < 300, else {"led_on": false}, on `{commandTopic}`.',
    },
    'e4-wrong-topic': {
      saw: 'I see telemetry on `{telemetryTopic}` but your server answers on `{topic}`.',
      expected: 'The lesson uses `{commandTopic}`.',
    },
    'e4-bad-payload': {
      saw: 'A command arrived on `{topic}` but the device would not understand it: {reason} It was: {payload}',
      expected: 'JSON like {"led_on": true}, with true or false (not text).',
    },
    'e4-wrong-answer': {
      saw: 'For a light level of {light} your server sent led_on {ledOn}.',
      expected: 'The rule is led_on = light < 300, so {light} needs led_on {expectedLedOn}.',
    },
    'e4-counting': {
      saw: 'Your server answered {dark} dark and {bright} bright readings correctly.',
      expected: 'At least one dark reading (below 300) and one bright reading (300 or more) answered correctly.',
    },
    'e4-passed': {
      saw: 'Your server answered dark and bright readings correctly.',
      expected: 'Commands follow light < 300. Done!',
    },
    'e5-waiting': {
      saw: 'No command has reached the device yet.',
      expected: 'The LED switches on after {"led_on": true} and off after {"led_on": false}.',
    },
    'e5-not-following': {
      saw: 'The server sent led_on {commandLedOn} {seconds} s ago, but the LED is still {ledState}.',
      expected: 'The device subscribes to `{commandTopic}` and switches the LED when a command arrives.',
    },
    'e5-counting': {
      saw: 'The LED followed the commands to switch {done}.',
      expected: 'The LED follows a command to switch on and one to switch off.',
    },
    'e5-passed': {
      saw: 'The LED switched on and off as the commands said.',
      expected: 'The LED follows the commands. Done!',
    },
    'e5-passed-unseen-led': {
      saw: 'I cannot see your device\'s LED from here. I see your device listens on `{commandTopic}`, received on and off commands and kept sending telemetry.',
      expected: 'Look at the LED yourself: it should follow the commands.',
    },
    'e6-waiting': {
      saw: 'The loop has not started yet.',
      expected: 'Dark, then bright, then dark again, with the right command (and LED) each time.',
    },
    'e6-progress': {
      saw: '{done} of 3 parts done (dark, bright, dark). Next: make it {next}.',
      expected: 'Dark, then bright, then dark again, with the right command (and LED) each time.',
    },
    'e6-passed': {
      saw: 'Dark, bright, dark: the whole loop worked.',
      expected: 'The whole loop works. Done!',
    },
    'concept-todo': {
      saw: '{done} of {total} activities done.',
      expected: 'Finish every activity of this step.',
    },
    'concept-passed': {
      saw: 'Every activity of this step is done.',
      expected: 'Done!',
    },
    'frequency-seen': {
      saw: 'Your device sends a reading about every {seconds} s.',
      expected: 'Change how often it sends, for example twice as often, and I will notice the new rate.',
    },
    'connectivity-dropped': {
      saw: 'Your device was away for {seconds} s and came back, but the readings from that time never arrived: they were dropped.',
      expected: 'With store and forward, the readings taken while offline arrive in a burst after the connection is back.',
    },
  },
  questions: {
    'pre-always-online': {
      text: 'Do IoT devices need to be connected to the Internet all the time?',
      options: { yes: 'Yes', no: 'No' },
      feedback: {
        correct: 'Right. Many devices connect only now and then, for example to save battery, and keep working in between.',
        wrong: 'Not quite. Many devices are only online some of the time, to save power or because the network is patchy, and still do their job.',
      },
    },
    'pre-always-http': {
      text: 'Do IoT devices always talk to the cloud with HTTP, like web pages?',
      options: { yes: 'Yes', no: 'No' },
      feedback: {
        correct: 'Right. Many use lighter protocols made for small devices, such as MQTT.',
        wrong: 'Not quite. HTTP is possible, but many devices use lighter protocols such as MQTT or AMQP.',
      },
    },
    'pre-cloud-decides': {
      text: 'Do IoT devices have to ask the cloud before every decision?',
      options: { yes: 'Yes', no: 'No' },
      feedback: {
        correct: 'Right. Devices can decide simple things themselves, which is faster and works offline.',
        wrong: 'Not quite. A device can decide simple things on its own, like your nightlight did in the previous lesson.',
      },
    },
    'post-telemetry-name': {
      text: 'What do we call sensor data that a device sends to the cloud?',
      options: { telemetry: 'Telemetry', commands: 'Commands', retained: 'Retained messages' },
      feedback: {
        correct: 'Right: readings sent from the device are telemetry.',
        wrong: 'Not quite. Commands go the other way, to the device. Readings from the device are telemetry.',
      },
    },
    'post-offline-command': {
      text: 'A command is sent to a device that is offline. Is it sent again when the device comes back?',
      options: { always: 'Always', never: 'Never', depends: 'It depends on the command, the device and the application' },
      feedback: {
        correct: 'Right. "Turn the light on" may be out of date an hour later; "unlock the door for the nurse" may still matter.',
        wrong: 'Not quite. It depends: some commands are stale after a while, others must still be done.',
      },
    },
    'post-message-queues': {
      text: 'Does MQTT have message queues, like a to-do list that keeps every message until someone reads it?',
      options: { yes: 'Yes', no: 'No' },
      feedback: {
        correct: 'Right. MQTT delivers to whoever is subscribed now; a message nobody listens to is gone (except the one retained message, and what a persistent session keeps).',
        wrong: 'Not quite. MQTT is publish and subscribe, not a queue: messages nobody subscribed to are not kept.',
      },
    },
    'check-connectivity': {
      text: 'Your nightlight was offline while the server sent "on", "off", "on". When it comes back, what should it do?',
      options: {
        'resend-all-in-order': 'Switch on, off and on again, in order',
        'latest-only': 'Only follow the newest command',
        'drop-all': 'Ignore all of them',
      },
      feedback: {
        correct: 'Right. Light commands can be superseded: only the newest one matters, so older ones can be skipped.',
        wrong: 'Not quite. For a light only the newest command matters. Keeping every command in order is for things like a list of payments.',
      },
    },
    'check-command-topics': {
      text: 'Thirty nightlights share one broker. How should the server send them commands?',
      options: {
        'one-shared': 'One topic that all of them listen to',
        'per-device': 'A commands topic for each device, like <ID>/commands',
        wildcard: 'Publish to +/commands',
      },
      feedback: {
        correct: 'Right. Each device listens on its own topic, so a command reaches only the device it is for.',
        wrong: 'Not quite. A shared topic switches every nightlight at once, and you cannot publish to a wildcard. Each device needs its own topic.',
      },
    },
    'check-security': {
      text: 'Who can read the messages you send to test.mosquitto.org?',
      options: { private: 'Only me', anyone: 'Anyone on the Internet', 'teacher-only': 'Only my teacher' },
      feedback: {
        correct: 'Right. A public test broker is for trying things out: anyone can subscribe to # and read everything.',
        wrong: 'Not quite. The public test broker has no password: anyone can subscribe to # and read everything.',
      },
    },
  },
  reflections: {
    'many-devices': 'A broker may have thousands of devices connected. How do you think it copes with so many?',
    'several-sensors': 'Think of a decision that needs readings from several sensors, perhaps on different devices. Where should that decision be made?',
    'assured-delivery': 'When does a message have to arrive for sure (QoS 1 or 2), and when is it fine to lose one now and then?',
    'unheard-messages': 'What happens to a message that nobody is subscribed to? When is that a problem?',
    'command-order': 'How could you make sure commands are done in the right order, even after a device was offline?',
  },
  assignment: {
    title: 'Assignment: MQTT, AMQP and HTTP',
    prompt: 'Compare MQTT with AMQP and with HTTP/HTTPS. For each, write about how much power it uses, how secure it is, and what happens when the connection drops. Which would you pick for a battery-powered sensor, and why?',
  },
  export: {
    heading: 'MQTT lesson progress',
    student: 'Student',
    studentId: 'ID',
    exportedAt: 'Exported',
    steps: 'Steps',
    passed: 'passed',
    inProgress: 'in progress',
    notStarted: 'not started',
    preQuiz: 'Pre-lecture quiz',
    postQuiz: 'Post-lecture quiz',
    stepQuestions: 'Step questions',
    notAnswered: 'not answered',
    correct: 'correct',
    wrong: 'wrong',
    reflections: 'Reflections',
    noNotes: '(nothing written yet)',
  },
} as const;

export type LessonTextEn = typeof lessonTextEn;

/**
 * The same text as vue-i18n messages: `{name}` stays a placeholder, every other brace (JSON examples like
 * {"led_on": true}) and '|' / '@' become literals, so the message compiler shows them as written.
 */
export function toVueI18nMessages<T>(value: T): T {
  if (typeof value === 'string') return escapeForVueI18n(value) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toVueI18nMessages(inner)])) as T;
}

export function escapeForVueI18n(text: string): string {
  return text.replace(/\{[A-Za-z]+\}|[{}|@]/g, (match) => (match.length > 1 ? match : `{'${match}'}`));
}
