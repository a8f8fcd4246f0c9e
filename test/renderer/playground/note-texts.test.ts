// The packet log's notes and an experiment's own client names reach the page as keys: in Telugu the diagram says them
// in Telugu, with the client named as the page names it; in English the words are the ones the main side logs.
import { describe, expect, it } from 'vitest';
import type { NoteEntry } from '../../../src-shared/contract/playground';
import { englishOf, labText } from '../../../src-shared/i18n/lab-text';
import { fitText } from '../../../src-renderer/src/components/playground/diagram-geometry';
import { lifelineClients, noteSentence, noteText } from '../../../src-renderer/src/components/playground/packet-describe';
import { createLabI18n } from '../../../src-renderer/src/i18n';
import { showLabText } from '../../../src-renderer/src/i18n/show-lab-text';
import { makeNoteEntry } from '../support/fake-bridge';

const PUBLISHER = labText('playground.experimentClients.publisher');

function note(overrides: Partial<NoteEntry>): NoteEntry {
  return makeNoteEntry({ clientKey: 'exp-publisher', clientName: 'Publisher (experiment)', clientNameText: PUBLISHER, ...overrides });
}

describe('packet log notes sent as keys', () => {
  const te = createLabI18n('te').global.t;
  const en = createLabI18n('en').global.t;

  it('says a fault note in Telugu, naming the experiment\'s client in Telugu', () => {
    const drop = note({ event: 'dropArmed', texts: [labText('playground.notes.dropToBrokerOfType', { count: 1, type: 'PUBLISH', name: 'Publisher (experiment)' })] });
    const shown = showLabText(te, PUBLISHER);
    expect(shown).toBe('పబ్లిషర్ (ప్రయోగం)');
    expect(noteText(drop, te, shown)).toBe('పబ్లిషర్ (ప్రయోగం) నుండి బ్రోకర్‌కు వెళ్ళే తర్వాతి 1 PUBLISH ప్యాకెట్(లు) పడేయబడతాయి.');
    expect(noteText(drop, en)).toBe(englishOf(drop.texts[0]!));
    expect(noteText(drop, en)).toBe('The next 1 PUBLISH packet(s) to the broker of Publisher (experiment) will be dropped.');
  });

  it('says an experiment\'s start with the page\'s own title and its end with the result, in Telugu', () => {
    const started = note({
      clientKey: '',
      clientName: '',
      event: 'experimentStarted',
      texts: [labText('playground.notes.experimentStarted', { number: 4, title: labText('playground.experiments.list.retained.title'), url: 'mqtt://127.0.0.1:1883' })],
    });
    expect(noteSentence(started, te)).toBe(`ప్రయోగం 4 "${te('playground.experiments.list.retained.title')}" mqtt://127.0.0.1:1883 పై మొదలైంది.`);
    expect(noteSentence(started, en)).toBe('Experiment 4 "Retained message" started against mqtt://127.0.0.1:1883.');
    const finished = note({
      clientKey: '',
      clientName: '',
      event: 'experimentFinished',
      texts: [
        labText('playground.notes.experimentFinished', { number: 4, verdict: labText('playground.notes.verdicts.asExpected') }),
        labText('playground.results.clearedNothing'),
      ],
    });
    expect(noteSentence(finished, te)).toBe('ప్రయోగం 4 ముగిసింది (అనుకున్నట్లే జరిగింది): తుడిచివేశాక, మళ్ళీ సబ్‌స్క్రైబ్ చేస్తే ఏమీ రాలేదు.');
    expect(noteSentence(finished, en)).toBe('Experiment 4 finished (as expected): After clearing, subscribing again brought nothing.');
  });

  it('keeps an experiment\'s client name as a key for its lifeline after the client is gone', () => {
    const [line] = lifelineClients([note({ event: 'cut', texts: [labText('playground.notes.cut', { name: 'Publisher (experiment)' })] })], []);
    expect(line).toEqual({ key: 'exp-publisher', name: 'Publisher (experiment)', nameText: PUBLISHER });
  });

  it('shortens a long note after a whole word', () => {
    expect(fitText('The Late subscriber got "21.5 °C" marked retain=1 at once.', 340)).toBe('The Late subscriber got "21.5 °C" marked…');
  });
});
