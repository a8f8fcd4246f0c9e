// English strings of the Lesson page (and the header's language switcher). Part of locales/en.ts; other locales mirror its keys.
// Lesson text in our own words, for students of 14 and up. vue-i18n syntax: topics and JSON come in as {values}.

import lessonQuiz from './lesson-quiz';
import lessonSteps from './lesson-steps';

export default {
  title: 'Lesson',
  description: 'Follow the MQTT lesson of IoT for Beginners step by step, with checks that tell you when each step works.',
  switcher: { label: 'Language' },
  progress: {
    summary: '{passed} of {total} steps done',
    barLabel: 'Lesson progress',
  },
  watch: {
    label: 'What the lesson watches',
    watching: 'Watching {filter} on {broker}',
    builtin: 'the built-in broker',
    notConnected: 'Not watching yet: {message}',
    notConnectedNoReason: 'Not watching yet: the lesson is not connected to the broker.',
    publicNote: 'On a public broker the lesson only sees messages, not who connects: some checks pass when your messages arrive.',
  },
  profiles: {
    title: 'Student',
    pick: 'Student profile',
    option: '{name} ({passed} of {total})',
    yourId: 'Your ID: {id}',
    new: 'New student',
    rename: 'Rename',
    reset: 'Reset progress',
    delete: 'Delete profile',
    exportJson: 'Export for the teacher',
    exportHtml: 'Export as a web page',
    exported: 'Saved {name}.',
    print: 'Print',
    actions: 'Profile actions',
    nameLabel: 'Name',
    namePlaceholder: 'Asha',
    idLabel: 'ID for your topics (optional)',
    idHelp: 'Leave it empty and the lab makes one for you. It becomes the start of your topics, like ID/telemetry.',
    create: 'Create',
    save: 'Save name',
    cancel: 'Cancel',
    confirmReset: 'Reset all progress of {name}? Checks, answers, notes and the assignment are forgotten. This cannot be undone.',
    confirmResetYes: 'Yes, reset',
    confirmDelete: 'Delete the profile {name} and all of its progress? This cannot be undone.',
    confirmDeleteYes: 'Yes, delete',
  },
  contents: {
    label: 'Lesson contents',
    before: 'Before',
    steps: 'Steps',
    after: 'After',
    preQuiz: 'Quiz before the lesson',
    postQuiz: 'Quiz after the lesson',
    reflection: 'Think about it',
    assignment: 'Assignment',
    passed: 'done',
    inProgress: 'started',
    notStarted: 'not started',
    stepEntry: '{number}. {title}',
    stepState: '{title}, {state}',
  },
  step: {
    kind: { exercise: 'Exercise', concept: 'Idea' },
    heading: 'Step {number}: {title}',
    why: 'What it is',
    todo: 'What to do',
    goTo: {
      explorer: 'Take me to the Explorer',
      playground: 'Take me to the Playground',
      nightlight: 'Take me to the Nightlight',
      board: 'Take me to the Board',
      lesson: 'Stay here',
    },
    goNote: 'Come back to this page when you are done: the check updates by itself.',
    hints: 'Hints',
    showHint: 'Show a hint',
    showNextHint: 'Show the next hint ({shown} of {total} shown)',
    allHints: 'All {total} hints are shown.',
    hintNumber: 'Hint {number}',
    previous: 'Previous step',
    next: 'Next step',
    activities: 'To complete',
    activityDone: 'done',
    activityTodo: 'not yet',
  },
  check: {
    title: 'Check',
    passed: 'Passed',
    notYet: 'Not yet',
    started: 'On the way',
    expectedLabel: 'What the step needs:',
  },
  checks: {
    'watch-offline': {
      saw: 'I cannot see the broker right now, so I cannot watch your topics.',
      expected: 'Connect the lab to a broker with the Connection button; the checks start by themselves.',
    },
    'e1-waiting': {
      saw: 'No device has connected as {clientId} yet.',
      expected: 'Connect your device to the broker with the client id {clientId}.',
    },
    'e1-client-seen': {
      saw: '{clientId} connected to the broker.',
      expected: 'A device connected with your client id.',
    },
    'e1-telemetry-seen': {
      saw: 'Telemetry arrived on {topic}, so your device is connected.',
      expected: 'A device connected with your ID.',
    },
    'e2-waiting': {
      saw: 'No telemetry has arrived on {expectedTopic} yet.',
      expected: 'Publish the light level as JSON, like {example}, on {expectedTopic} every few seconds.',
    },
    'e2-counting': {
      saw: 'I have seen {count} of {needed} readings on {expectedTopic}.',
      expected: 'Keep sending: the step passes after {needed} good readings.',
    },
    'e2-bad-payload': {
      saw: 'I see a message on {topic}, but it is not the lesson\'s JSON: {payload}',
      expected: 'Telemetry is JSON with a whole number for light, like {example}.',
    },
    'e2-wrong-topic': {
      saw: 'I see light readings on {topic}, but the lesson listens on {expectedTopic}.',
      expected: 'Publish your telemetry on {expectedTopic}.',
    },
    'e2-passed': {
      saw: '{count} good readings arrived on {expectedTopic}.',
      expected: 'At least {needed} readings of JSON telemetry.',
    },
    'e3-waiting': {
      saw: 'Nothing listens to {expectedTopic} yet.',
      expected: 'Start a server that subscribes to {expectedTopic}.',
    },
    'e3-wrong-filter': {
      saw: 'Something subscribed to {filter}, but that does not catch your telemetry on {expectedTopic}.',
      expected: 'Subscribe to {expectedTopic}.',
    },
    'e3-subscribed': {
      saw: 'A server subscribed to {filter}.',
      expected: 'Something that receives your telemetry.',
    },
    'e3-answering': {
      saw: 'Commands on {commandTopic} answer your telemetry, so a server is receiving it.',
      expected: 'Something that receives your telemetry.',
    },
    'e4-waiting': {
      saw: 'No command has been sent on {expectedTopic} yet.',
      expected: 'Your server sends {example} on {expectedTopic} after each reading.',
    },
    'e4-wrong-topic': {
      saw: 'I see telemetry on {telemetryTopic}, but your server answers on {topic}.',
      expected: 'The lesson\'s commands go to {expectedTopic}.',
    },
    'e4-bad-payload': {
      saw: 'A command arrived on {topic}, but it is not the lesson\'s JSON: {payload}',
      expected: 'Commands are JSON with true or false for led_on, like {example}.',
    },
    'e4-wrong-answer': {
      saw: 'For light {light} your server sent led_on {sent}, but light {light} is {comparison} 300.',
      expected: 'led_on is true when light is below 300, and false otherwise.',
    },
    'e4-counting': {
      saw: '{count} of {needed} commands answered their reading correctly.',
      expected: 'Keep the loop running: the step passes after {needed} correct commands.',
    },
    'e4-passed': {
      saw: '{count} commands matched light below 300 for the reading that caused them.',
      expected: 'Commands that follow the rule light below 300.',
    },
    'e5-waiting': {
      saw: 'No command has reached your device yet, so I cannot see the LED follow one.',
      expected: 'The device subscribes to {commandTopic} and switches its LED to match.',
    },
    'e5-not-following': {
      saw: 'The server said led_on {sent}, but the LED stayed {led}.',
      expected: 'The device switches the LED to what the last command said.',
    },
    'e5-counting': {
      saw: 'The LED followed {count} of {needed} commands.',
      expected: 'The LED follows every command.',
    },
    'e5-passed': {
      saw: 'The LED followed {count} commands.',
      expected: 'The LED follows every command.',
    },
    'e5-passed-unseen-led': {
      saw: 'Your device received {count} commands. I cannot see a real LED, so look at it yourself.',
      expected: 'The LED follows every command.',
    },
    'e6-waiting': {
      saw: 'I have not seen the light change from dark to bright and back yet.',
      expected: 'Make it dark (below 300), then bright, then dark again; the LED switches on, off, on.',
    },
    'e6-progress': {
      saw: 'So far: {progress}.',
      expected: 'Dark, bright, dark again, with the LED following each change.',
    },
    'e6-passed': {
      saw: 'A full loop worked: dark switched the LED on, bright switched it off, dark switched it on again.',
      expected: 'Dark, bright, dark again, with the LED following each change.',
    },
    'concept-todo': {
      saw: '{done} of {total} done.',
      expected: 'Complete every item in the list above.',
    },
    'concept-passed': {
      saw: 'Everything in the list is done.',
      expected: 'Complete every item in the list above.',
    },
  },
  steps: lessonSteps,
  ...lessonQuiz,
};
