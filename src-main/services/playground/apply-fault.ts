// Applies one fault the student chose to a client's proxy and says in words (a `playground.notes.*` key) what will
// happen. It does not log or emit; the caller puts the sentence in the packet log.
import type { Fault, NoteEntry } from '../../../src-shared/contract/playground';
import { LabError } from '../../../src-shared/contract/result';
import { errorText } from '../../../src-shared/i18n/error-text';
import { labText, type LabSentence } from '../../../src-shared/i18n/lab-text';
import type { FaultProxy } from './fault-proxy';

export interface FaultNote {
  event: NoteEntry['event'];
  text: LabSentence;
}

function dropNote(direction: 'toBroker' | 'toClient', count: number, type: string | undefined, name: string): LabSentence {
  if (direction === 'toBroker') {
    return type ? labText('playground.notes.dropToBrokerOfType', { count, type, name }) : labText('playground.notes.dropToBroker', { count, name });
  }
  return type ? labText('playground.notes.dropToClientOfType', { count, type, name }) : labText('playground.notes.dropToClient', { count, name });
}

export function applyFault(proxy: FaultProxy, fault: Fault, clientName: string): FaultNote {
  const name = clientName;
  switch (fault.kind) {
    case 'cut': {
      if (proxy.cut() === 0) {
        throw new LabError('NOT_CONNECTED', errorText('errors.playground.nothingToCut', { clientName }));
      }
      return { event: 'cut', text: labText('playground.notes.cut', { name }) };
    }
    case 'blackHole':
      proxy.setBlackHole(fault.on);
      return { event: fault.on ? 'blackHoleOn' : 'blackHoleOff', text: labText(fault.on ? 'playground.notes.blackHoleOn' : 'playground.notes.blackHoleOff', { name }) };
    case 'drop':
      proxy.armDrop(fault.direction, fault.count, fault.onlyType ?? null);
      return { event: 'dropArmed', text: dropNote(fault.direction, fault.count, fault.onlyType, name) };
    case 'delay':
      proxy.setDelay(fault.delayMs);
      return {
        event: 'delaySet',
        text: fault.delayMs > 0 ? labText('playground.notes.delaySet', { name, ms: fault.delayMs }) : labText('playground.notes.delayOff', { name }),
      };
    case 'clear':
      proxy.clearFaults();
      return { event: 'faultsCleared', text: labText('playground.notes.faultsCleared', { name }) };
  }
}
