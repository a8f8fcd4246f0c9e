// One bad input per board.* command and the field its INVALID_INPUT error must name (see dispatcher-contract.test.ts).
import type { boardCommands } from '../../../src-shared/contract/board';

export const boardBadInputs: Record<keyof typeof boardCommands, { input: unknown; field: string }> = {
  'board.getState': { input: { extra: 1 }, field: 'extra' },
  'board.listPorts': { input: { extra: 1 }, field: 'extra' },
  'board.forgetPath': { input: { path: '   ' }, field: 'path' },
  'board.open': { input: { path: '/dev/ttyACM0', baudRate: 9600.5 }, field: 'baudRate' },
  'board.close': { input: { extra: 1 }, field: 'extra' },
  'board.sendLine': { input: { text: 'hi', lineEnding: '\n' }, field: 'lineEnding' },
  'board.getLog': { input: { limit: 0 }, field: 'limit' },
  'board.clearLog': { input: { extra: 1 }, field: 'extra' },
  'board.exportLog': { input: { timestamps: 'yes' }, field: 'timestamps' },
  'board.getPlot': { input: { extra: 1 }, field: 'extra' },
  'board.clearPlot': { input: { extra: 1 }, field: 'extra' },
  'board.exportPlotCsv': { input: { extra: 1 }, field: 'extra' },
  'board.setBridge': { input: { enabled: 'on' }, field: 'enabled' },
  'board.setLanBroker': { input: {}, field: 'enabled' },
  'board.renewLanPassword': { input: { extra: 1 }, field: 'extra' },
  'board.getConfig': { input: { address: 7 }, field: 'address' },
  'board.addLanStudent': { input: { studentId: 'a/b' }, field: 'studentId' },
  'board.renewLanStudentPassword': { input: { studentId: '' }, field: 'studentId' },
  'board.removeLanStudent': { input: {}, field: 'studentId' },
  'board.kickLanClient': { input: { clientId: '' }, field: 'clientId' },
};
