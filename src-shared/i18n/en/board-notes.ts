// English of what the Board page's main side says in words: the serial monitor's own notes (not the board's lines)
// and why the generated config.h will not work yet. Ports, baud rates and sizes are {placeholders}.

export const boardNotesEn = {
  monitorNotes: {
    connected: 'Connected to {path} at {baud} baud.',
    scrambled: 'The text looks scrambled: the board probably sends at a different speed than {baud} baud. Check Serial.begin(...) in the sketch; try {suggested} baud.',
    lineCut: 'A line reached {kb} KB without a line ending, so the lab cut it there. Does the sketch use Serial.println?',
    unplugged: 'board unplugged',
  },
  configWarnings: {
    lanOff: 'The built-in broker is not open to the local network yet: switch on "Open the built-in broker to my network", or the board will print rc=-2.',
    noAddress: 'This computer has no local-network address right now. Connect it to the same Wi-Fi as the board, then look again.',
  },
};
