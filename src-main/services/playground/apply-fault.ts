// Applies one fault the student chose to a client's proxy and says in words what will happen.
// It does not log or emit; the caller puts the sentence in the packet log.
import type { Fault, NoteEntry } from '../../../src-shared/contract/playground';
import { LabError } from '../../../src-shared/contract/result';
import { errorText } from '../../../src-shared/i18n/error-text';
import type { FaultProxy } from './fault-proxy';

export interface FaultNote {
  event: NoteEntry['event'];
  text: string;
}

const WAY = { toBroker: 'to the broker', toClient: 'from the broker' } as const;

export function applyFault(proxy: FaultProxy, fault: Fault, clientName: string): FaultNote {
  switch (fault.kind) {
    case 'cut': {
      if (proxy.cut() === 0) {
        throw new LabError('NOT_CONNECTED', errorText('errors.playground.nothingToCut', { clientName }));
      }
      return { event: 'cut', text: `Cut the network of ${clientName}: both sides are closed at once, like pulling the cable.` };
    }
    case 'blackHole':
      proxy.setBlackHole(fault.on);
      return fault.on
        ? { event: 'blackHoleOn', text: `Black hole on for ${clientName}: every packet vanishes both ways, and nothing is closed.` }
        : { event: 'blackHoleOff', text: `Black hole off for ${clientName}: packets get through again.` };
    case 'drop': {
      proxy.armDrop(fault.direction, fault.count, fault.onlyType ?? null);
      const what = fault.onlyType ? `${fault.onlyType} packet(s)` : 'packet(s)';
      return { event: 'dropArmed', text: `The next ${fault.count} ${what} ${WAY[fault.direction]} of ${clientName} will be dropped.` };
    }
    case 'delay':
      proxy.setDelay(fault.delayMs);
      return {
        event: 'delaySet',
        text: fault.delayMs > 0 ? `Every packet of ${clientName} now takes ${fault.delayMs} ms longer, both ways.` : `No more delay for ${clientName}.`,
      };
    case 'clear':
      proxy.clearFaults();
      return { event: 'faultsCleared', text: `The network of ${clientName} is perfect again: no black hole, nothing to drop, no delay.` };
  }
}
