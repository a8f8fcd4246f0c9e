// English of the playground packet log's notes (faults switched, packets lost, an experiment started or finished) and
// of the names of an experiment's own clients. Names, counts and addresses are {placeholders}; the UI translates the rest.

export const playgroundNotesEn = {
  notes: {
    experimentStarted: 'Experiment {number} "{title}" started against {url}.',
    experimentFinished: 'Experiment {number} finished ({verdict}):',
    verdicts: { asExpected: 'as expected', different: 'not as expected', failed: 'could not finish' },
    lostInCut: '{count} delayed packet(s) were still on their way and are lost.',
    notLogged: '{count} packets were not logged: more arrived than the log can show. Pause, clear, or slow the publisher down.',
    cut: 'Cut the network of {name}: both sides are closed at once, like pulling the cable.',
    blackHoleOn: 'Black hole on for {name}: every packet vanishes both ways, and nothing is closed.',
    blackHoleOff: 'Black hole off for {name}: packets get through again.',
    dropToBroker: 'The next {count} packet(s) to the broker of {name} will be dropped.',
    dropToBrokerOfType: 'The next {count} {type} packet(s) to the broker of {name} will be dropped.',
    dropToClient: 'The next {count} packet(s) from the broker of {name} will be dropped.',
    dropToClientOfType: 'The next {count} {type} packet(s) from the broker of {name} will be dropped.',
    delaySet: 'Every packet of {name} now takes {ms} ms longer, both ways.',
    delayOff: 'No more delay for {name}.',
    faultsCleared: 'The network of {name} is perfect again: no black hole, nothing to drop, no delay.',
  },
  experimentClients: {
    publisher: 'Publisher (experiment)',
    subscriber: 'Subscriber (experiment)',
    lateSubscriber: 'Late subscriber (experiment)',
    subscriberSessionKept: 'Subscriber, session kept (experiment)',
    subscriberCleanSession: 'Subscriber, clean session (experiment)',
    sensor: 'Sensor (experiment)',
    watcher: 'Watcher (experiment)',
  },
};

/** The experiments' titles, at the path the page's own table has them (`playground.experiments.list.<id>.title`), so a
 *  note can name an experiment with the title the page shows; the page's English table takes its titles from here. */
export const experimentTitlesEn = {
  experiments: {
    list: {
      qos0Loss: { title: 'QoS 0 under packet loss' },
      qos1LostPuback: { title: 'QoS 1 when the PUBACK is lost' },
      qos2Loss: { title: 'QoS 2 under packet loss' },
      retained: { title: 'Retained message' },
      persistentSession: { title: 'Persistent session' },
      keepaliveWill: { title: 'Keep-alive and Last Will' },
    },
  },
};
