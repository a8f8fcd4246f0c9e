// English text of the lesson's steps: title, what it is, what to do, and hints (shown one at a time).
// Part of en/lesson.ts (lesson.steps.<id>); values: {id}, {telemetryTopic}, {commandTopic}, {clientId}, {serverClientId}, {on}, {off}, {example}.

export default {
  E1: {
    title: 'Connect your device to the broker',
    why: 'Before a device can send or hear anything, it opens a connection to a broker. It introduces itself with a client id that no other client uses at the same time; the lesson builds it from your ID: {clientId}.',
    todo: 'Open the Nightlight. The virtual nightlight connects to the lab\'s broker by itself. Its status should say it is connected as {clientId}.',
    hints: {
      1: 'Your ID is {id}. It keeps your topics and client ids apart from everyone else\'s on the same broker.',
      2: 'If the nightlight says it is powered off, press Power on. If its network is off, switch it back on.',
      3: 'Writing your own Python code? Connect to the broker address shown at the top of the lab with the client id {clientId}.',
    },
  },
  E2: {
    title: 'Send light telemetry',
    why: 'Telemetry is what a device measures and reports. The nightlight reads its light sensor and publishes the level as a small piece of JSON, like {example}, on the topic {telemetryTopic}, again every few seconds.',
    todo: 'Let the nightlight run until it has sent at least two readings. Move the light level and watch the number in the next reading change.',
    hints: {
      1: 'The nightlight sends a reading every 5 seconds. On the Nightlight page you can make that shorter with "Send every (seconds)".',
      2: 'The topic must be exactly {telemetryTopic}: same ID, one slash, no spaces.',
      3: 'The payload must be JSON with a whole number, like {example}. Plain text like light=120 is not counted.',
    },
  },
  E3: {
    title: 'Run a server that receives the telemetry',
    why: 'The server is the part that decides what to do. In the lesson it runs in the cloud; here it runs inside the lab. It subscribes to {telemetryTopic}, so the broker passes it every reading your device publishes.',
    todo: 'On the Nightlight page press Start server, or start your own server program that subscribes to {telemetryTopic}.',
    hints: {
      1: 'The server needs its own client id, like {serverClientId}. If two clients use the same id, the broker throws the older one off.',
      2: 'Subscribe to the telemetry topic itself, {telemetryTopic}. A filter for another topic will never hear your device.',
      3: 'Every time a reading arrives the lab\'s server prints "Message received" in its console.',
    },
  },
  E4: {
    title: 'Let the server send commands',
    why: 'A command asks a device to do something. The server looks at each reading: when the light is below 300 it publishes {on} on {commandTopic}, otherwise {off}.',
    todo: 'With the server running, make it dark (light 100) and then bright (light 500). Each reading should get an answer.',
    hints: {
      1: 'Commands go to {commandTopic}. Check the end of the topic: commands, with an s.',
      2: 'The rule is light below 300: 299 means on, 300 means off.',
      3: 'The command is JSON too: {on} or {off}, with true and false in lower case.',
    },
  },
  E5: {
    title: 'Make the device obey the commands',
    why: 'Now the device no longer decides by itself. It subscribes to {commandTopic}, and when a command arrives it switches its LED to what the command says.',
    todo: 'Keep the nightlight and the server running and watch the LED on the Nightlight page switch with each command.',
    hints: {
      1: 'The device has to subscribe to {commandTopic} after it connects, or it never hears a command.',
      2: 'After a lost connection, the lesson\'s code does not subscribe again. Power the nightlight off and on to start fresh.',
      3: 'Read led_on from the JSON: true switches the LED on, false switches it off.',
    },
  },
  E6: {
    title: 'Close the loop: dark, bright, dark',
    why: 'Now all the parts work together: the sensor reads, the device publishes, the broker passes it on, the server decides, the broker passes the command back, and the LED switches.',
    todo: 'Set the light to 100, wait for the LED to go on; set it to 500, wait for it to go off; set it to 100 again.',
    hints: {
      1: 'After each change, wait for the next reading: the device only reports every few seconds.',
      2: 'Use clear values on each side of 300, like 100 and 500.',
      3: 'If the LED does not change, look at which step above is not green yet: the loop is only as strong as its weakest part.',
    },
  },
  'broker-topics-wildcards': {
    title: 'Brokers, topics and wildcards',
    why: 'Devices and servers do not talk to each other directly: they all connect to a broker, which hands each message to the clients that asked for its topic. A topic is a name in levels, like {telemetryTopic}. When subscribing you can use wildcards: + stands for exactly one level and # for every level from there on.',
    todo: 'Solve the exercises in the Explorer\'s wildcard lab.',
    hints: {
      1: '+ never crosses a slash: {id}/+ matches {telemetryTopic} but not {id}/debug/led.',
      2: '# has to be the last level. {id}/# matches everything that starts with your ID.',
      3: 'Wildcards are only for subscribing. A published message always has an exact topic.',
    },
  },
  qos: {
    title: 'Quality of service: QoS 0, 1 and 2',
    why: 'QoS says how hard MQTT works to deliver a message. QoS 0 sends it once and hopes; it can be lost. QoS 1 repeats it until the receiver says "got it", so it can arrive twice. QoS 2 uses a four-message handshake so it arrives exactly once, at the cost of more traffic.',
    todo: 'Run the three QoS experiments in the Playground and read what the broker did in each.',
    hints: {
      1: 'Each experiment breaks the network on purpose, so you can see what each QoS level does about it.',
      2: 'Look for the packets marked DUP: those are repeats.',
      3: 'Most telemetry is fine with QoS 0: a lost reading is replaced by the next one a moment later.',
    },
  },
  retained: {
    title: 'Retained messages',
    why: 'Normally a broker forgets a message once it has passed it on. A retained message is kept as the last known value of its topic, and a client that subscribes later gets it immediately instead of waiting for the next one.',
    todo: 'Run the retained message experiment in the Playground.',
    hints: {
      1: 'Only the newest retained message of each topic is kept.',
      2: 'Publishing an empty retained message removes the one the broker kept.',
    },
  },
  'keepalive-will': {
    title: 'Keep-alive and the last will',
    why: 'A client that has nothing to say still pings the broker within its keep-alive time. If the broker hears nothing for one and a half times that long, it decides the client is gone and publishes the last will the client left when it connected, so others learn that it went quiet.',
    todo: 'Run the keep-alive and last will experiment in the Playground.',
    hints: {
      1: 'A client that says goodbye properly (DISCONNECT) does not trigger its will: only a silent one does.',
      2: 'The will is often a retained "offline" message on a status topic.',
    },
  },
  sessions: {
    title: 'Clean and persistent sessions',
    why: 'With a clean session the broker forgets a client as soon as it leaves. With a persistent session it remembers the client\'s subscriptions and keeps its QoS 1 and 2 messages until it comes back with the same client id.',
    todo: 'Run the persistent session experiment in the Playground.',
    hints: {
      1: 'The client id is how the broker recognises the client when it comes back.',
      2: 'QoS 0 messages are not kept for an absent client, even in a persistent session.',
    },
  },
  'telemetry-frequency': {
    title: 'How often to send telemetry',
    why: 'Sending more often gives fresher data but costs battery, data and work for the broker and the server. A nightlight only needs a reading every few seconds; a heart monitor needs many every second. Pick the slowest rate that still lets you react in time.',
    todo: 'On the Nightlight page change "Send every (seconds)" and watch the readings arrive at the new rate.',
    hints: {
      1: 'The lesson\'s Python device waits 5 seconds between readings; the Wio Terminal waits 2.',
      2: 'Ask: how quickly does anything need to happen after the light changes?',
    },
  },
  'connectivity-loss': {
    title: 'When the connection drops',
    why: 'Devices lose their connection. Telemetry can be dropped when only the newest value matters, or stored and sent later (store and forward) when every value counts. Commands differ too: some are replaced by a newer one (switch the LED on), others must all arrive in order (move ten steps, then five).',
    todo: 'On the Nightlight page turn on store and forward, switch the network off for a few readings, switch it on again and watch the stored readings arrive. Then answer the question below.',
    hints: {
      1: 'While the network is off, the queue shows how many readings are waiting.',
      2: 'For a nightlight, only the newest command matters: an LED that replays old commands just flickers.',
    },
  },
  'command-topics': {
    title: 'One command topic per device',
    why: 'If every device listened to the same command topic, a command meant for one would reach them all. Giving each device its own topic, like {commandTopic}, lets the server talk to exactly one. A shared topic is still useful for messages meant for everyone.',
    todo: 'In the Explorer, look at which topics the commands go to. Then answer the question below.',
    hints: {
      1: 'A server can still hear all devices with one subscription: +/telemetry.',
      2: 'The ID at the front of each topic tells the server which device the message is about.',
    },
  },
  security: {
    title: 'Keeping it safe',
    why: 'On a public test broker like test.mosquitto.org anyone can read and write every topic, so never send anything private there. Real systems ask for a username and password, encrypt the connection with TLS, and check certificates so each side knows who it talks to.',
    todo: 'Press the Connection button at the top and compare the test.mosquitto.org profiles: which ones are encrypted, and on which ports? Then answer the question below.',
    hints: {
      1: 'mqtts and wss are the encrypted ones; plain mqtt and ws can be read on the way.',
      2: 'A password sent without TLS can be read by anyone on the network.',
    },
  },
};
