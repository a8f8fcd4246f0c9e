// English of why the nightlight's server or device ignored a payload (services/nightlight/payloads.ts). Topics,
// payload previews, examples and limits are {placeholders}; {what} and {shown} may be texts of `words` below.

export const nightlightPayloadsEn = {
  payloadProblems: {
    tooBig: 'Ignored a {what} of {bytes} bytes on "{topic}": far too big (at most {max} bytes). Expected something like {example}.',
    rawBytes: 'Ignored a {what} on "{topic}": it is not text but raw bytes. Expected JSON like {example}.',
    notJson: 'Ignored {shown} on "{topic}": it is not JSON. Expected something like {example}.',
    notObject: 'Ignored {shown} on "{topic}": it is JSON, but not an object with fields. Expected something like {example}.',
    noLight: 'Ignored telemetry on "{topic}": it has no "light" field. Expected something like {example}.',
    lightNotNumber: 'Ignored telemetry on "{topic}": "light" is {shown}, but it should be a number from {min} to {max}, like {example}.',
    lightOutside: 'Ignored telemetry on "{topic}": light {light} is outside what a light sensor gives ({min} to {max}).',
    noLedOn: 'Ignored a command on "{topic}": it has no "led_on" field. Expected {example} or {other}.',
    ledOnNotBoolean: 'Ignored a command on "{topic}": "led_on" is {shown}, but it should be true or false, like {example}.',
  },
  payloadWords: {
    telemetryMessage: 'telemetry message',
    command: 'command',
    emptyMessage: 'an empty message',
    theText: 'the text "{text}"',
    aList: 'a list',
    anObject: 'an object',
  },
};
