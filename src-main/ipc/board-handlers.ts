// Handlers for the board.* commands: each calls the Board service. Spread into createHandlers.
import type { HandlersFor } from '../../src-shared/contract/commands';
import type { boardCommands } from '../../src-shared/contract/board';
import type { LabServices } from '../services/create-lab';

const done = { done: true as const };

export function createBoardHandlers(lab: LabServices) {
  const { board } = lab;
  return {
    'board.getState': async () => board.getState(),
    'board.listPorts': async () => board.listPorts(),
    'board.forgetPath': async ({ path }) => board.forgetPath(path),
    'board.open': async (input) => board.open(input),
    'board.close': async () => board.close(),
    'board.sendLine': async ({ text, lineEnding }) => board.sendLine(text, lineEnding),
    'board.getLog': async ({ limit }) => ({ lines: board.getLog(limit) }),
    'board.clearLog': async () => (board.clearLog(), done),
    'board.exportLog': async ({ timestamps }) => board.exportLog(timestamps),
    'board.getPlot': async () => ({ series: board.getPlot() }),
    'board.clearPlot': async () => (board.clearPlot(), done),
    'board.exportPlotCsv': async () => board.exportPlotCsv(),
    'board.setBridge': async ({ enabled }) => board.setBridge(enabled),
    'board.setLanBroker': async ({ enabled }) => board.setLanBroker(enabled),
    'board.renewLanPassword': async () => board.renewLanPassword(),
    'board.getConfig': async ({ address }) => board.getConfig(address),
    'board.addLanStudent': async ({ studentId }) => board.addLanStudent(studentId),
    'board.renewLanStudentPassword': async ({ studentId }) => board.renewLanStudentPassword(studentId),
    'board.removeLanStudent': async ({ studentId }) => board.removeLanStudent(studentId),
    'board.kickLanClient': async ({ clientId }) => board.kickLanClient(clientId),
  } satisfies HandlersFor<typeof boardCommands>;
}
