// The name a playground client is shown by: the clients every playground starts with (Publisher, Subscriber, Late
// subscriber) are named in the student's language until the student renames them, a client the lab named (an
// experiment's "Publisher (experiment)") by its name's key; any other by its own name.
import { useI18n } from 'vue-i18n';
import { STARTING_PLAYGROUND_CLIENTS, type PlaygroundClient } from '../../../../src-shared/contract/playground';
import { showLabText } from '../../i18n/show-lab-text';

const KEYS: Readonly<Record<string, string>> = {
  publisher: 'playground.clients.startingNames.publisher',
  subscriber: 'playground.clients.startingNames.subscriber',
  'late-subscriber': 'playground.clients.startingNames.lateSubscriber',
};
const STARTING_NAMES = new Map<string, string>(STARTING_PLAYGROUND_CLIENTS.map((client) => [client.key, client.name]));

export function useClientName(): (client: Pick<PlaygroundClient, 'key' | 'name' | 'role' | 'nameText'>) => string {
  const { t } = useI18n();
  return (client) => {
    if (client.nameText) return showLabText(t, client.nameText);
    const key = KEYS[client.key];
    return client.role === 'student' && key && STARTING_NAMES.get(client.key) === client.name ? t(key) : client.name;
  };
}
