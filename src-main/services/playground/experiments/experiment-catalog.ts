// The six experiments of the lesson as the page lists them: title, what happens, what to expect.
// Pure data; the scripts that run them live next to this file. Titles are the page's own (src-shared/i18n/en/playground-notes.ts).
import type { ExperimentId, ExperimentInfo } from '../../../../src-shared/contract/playground';
import { experimentTitlesEn } from '../../../../src-shared/i18n/en/playground-notes';
import { labText, type LabSentence } from '../../../../src-shared/i18n/lab-text';

const TITLES = experimentTitlesEn.experiments.list;
/** An experiment's key in the page's table: qos1-lost-puback is playground.experiments.list.qos1LostPuback. */
const LIST_KEYS: Record<ExperimentId, keyof typeof TITLES> = {
  'qos0-loss': 'qos0Loss',
  'qos1-lost-puback': 'qos1LostPuback',
  'qos2-loss': 'qos2Loss',
  retained: 'retained',
  'persistent-session': 'persistentSession',
  'keepalive-will': 'keepaliveWill',
};

export const EXPERIMENTS: readonly ExperimentInfo[] = [
  {
    id: 'qos0-loss',
    number: 1,
    title: TITLES.qos0Loss.title,
    explanation:
      'The Subscriber listens. The network drops the next PUBLISH from the Publisher, then the Publisher sends two messages at QoS 0 ("at most once").',
    expected: 'The first message is gone for good: nobody notices and nobody sends it again. The Subscriber only gets the second one.',
    estimatedSeconds: 2,
  },
  {
    id: 'qos1-lost-puback',
    number: 2,
    title: TITLES.qos1LostPuback.title,
    explanation:
      'The Publisher sends a QoS 1 message ("at least once"). The broker delivers it and answers PUBACK, but the network drops that PUBACK. The connection is cut and the Publisher reconnects.',
    expected:
      'The Publisher never got its PUBACK, so it sends the message again with dup=1. The broker cannot tell it is the same message, so the Subscriber may see it twice.',
    estimatedSeconds: 3,
  },
  {
    id: 'qos2-loss',
    number: 3,
    title: TITLES.qos2Loss.title,
    explanation:
      'The Publisher sends a QoS 2 message ("exactly once"). The network drops the broker\'s PUBREC, the connection is cut, and the Publisher reconnects and sends the message again with dup=1.',
    expected:
      'The broker remembers the packet id from the four-step handshake (PUBLISH, PUBREC, PUBREL, PUBCOMP), so the Subscriber gets the message exactly once.',
    estimatedSeconds: 3,
  },
  {
    id: 'retained',
    number: 4,
    title: TITLES.retained.title,
    explanation:
      'The Publisher sends a temperature with retain on. Later the Late subscriber subscribes. Then the Publisher clears it with an empty retained message and the Late subscriber subscribes again.',
    expected: 'The Late subscriber gets the last retained value at once, marked retain=1. After clearing, a new subscription gets nothing.',
    estimatedSeconds: 3,
  },
  {
    id: 'persistent-session',
    number: 5,
    title: TITLES.persistentSession.title,
    explanation:
      'The Subscriber (clean session off) subscribes at QoS 1 and disconnects. Meanwhile the Publisher sends one QoS 1 and one QoS 0 message. The Subscriber returns. Then the same again with clean session on.',
    expected:
      'With clean session off the broker kept the session: the QoS 1 message is delivered on return, the QoS 0 one is not. With clean session on nothing is kept.',
    estimatedSeconds: 4,
  },
  {
    id: 'keepalive-will',
    number: 6,
    title: TITLES.keepaliveWill.title,
    explanation:
      'A Sensor connects with keep-alive 5 s and a Last Will ("sensor offline"). A Watcher subscribes to the Will topic. Then the Sensor falls into a black hole: its packets vanish and nothing is closed.',
    expected:
      'The broker hears nothing for 1.5 × keep-alive (7.5 s; a broker that checks its clients only every few seconds takes a little longer), declares the Sensor dead and publishes its Last Will to the Watcher.',
    estimatedSeconds: 10,
  },
];

export function experimentInfo(id: ExperimentInfo['id']): ExperimentInfo {
  const found = EXPERIMENTS.find((experiment) => experiment.id === id);
  if (!found) throw new Error(`unknown experiment ${id}`);
  return found;
}

/** The experiment's title as the page shows it, in the page's language. */
export function experimentTitle(id: ExperimentId): LabSentence {
  return labText(`playground.experiments.list.${LIST_KEYS[id]}.title`);
}
