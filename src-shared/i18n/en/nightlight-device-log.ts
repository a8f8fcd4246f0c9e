// English of the nightlight's two logs the Nightlight page lists: what each HTTP call to the CounterFit address did,
// and why the LED switched. Pins, values, hosts, payloads and topics are {placeholders}: data, shown as they are.

export const nightlightDeviceLogEn = {
  counterfitCalls: {
    startPage: 'opened the start page',
    connected: 'a program connected (CounterFitConnection.init)',
    disconnected: 'a program disconnected',
    readLight: 'read the light sensor (pin {pin}): {value}',
    ledOn: 'LED (pin {pin}) on',
    ledOff: 'LED (pin {pin}) off',
    unknownCall: 'unknown call {route}',
    noSensor: 'no sensor on pin {pin}',
    noActuator: 'no actuator on pin {pin}',
    noPin: '(none)',
    unknownHost: 'refused: unknown host "{host}"',
    bodyTooBig: 'refused: body too big',
    notJson: 'refused: the body is not JSON',
    noValue: 'refused: no true/false "value"',
    failedInside: 'failed inside MQTT Lab',
  },
  ledSwitches: {
    darkRule: 'light {light} < {threshold}',
    brightRule: 'light {light} ≥ {threshold}',
    command: '{payload} on {topic}',
    powerOff: 'power off',
  },
};
