// The name a broker profile is shown by: the profiles MQTT Lab ships (src-main/services/profiles/default-profiles.ts)
// are named in the student's language by their id; a custom profile keeps the name the student gave it.
import { useI18n } from 'vue-i18n';
import type { BrokerProfile } from '../../../src-shared/contract/schemas';

const SHIPPED_NAMES: Readonly<Record<string, string>> = {
  builtin: 'dialog.shippedNames.builtin',
  'mosquitto-1883': 'dialog.shippedNames.mosquittoPlain',
  'mosquitto-tls-8883': 'dialog.shippedNames.mosquittoTls',
  'mosquitto-ws-8080': 'dialog.shippedNames.mosquittoWs',
  'mosquitto-wss-8081': 'dialog.shippedNames.mosquittoWss',
};

export function useProfileName(): (profile: Pick<BrokerProfile, 'id' | 'kind' | 'name'>) => string {
  const { t } = useI18n();
  return (profile) => {
    const key = profile.kind === 'custom' ? undefined : SHIPPED_NAMES[profile.id];
    return key ? t(key) : profile.name;
  };
}
