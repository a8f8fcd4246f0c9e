// App-wide state: info about the lab, the chosen locale, and whether the link to the lab host is up.
// start() loads everything once and reloads it whenever a lost host link comes back.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { CommandOutput } from '../../../src-shared/contract/commands';
import type { LabErrorInfo } from '../../../src-shared/contract/result';
import type { Locale } from '../../../src-shared/contract/schemas';
import { hostLinkOf, useBridge, type HostLinkInfo } from '../bridge';
import { callInto } from './bridge-call';
import { useBrokerStore } from './broker';
import { useConnectionStore } from './connection';

export type AppInfo = CommandOutput<'app.getInfo'>;

export const useAppStore = defineStore('app', () => {
  const bridge = useBridge();
  const link = hostLinkOf(bridge);
  const info = ref<AppInfo | null>(null);
  const locale = ref('en');
  const hostLink = ref<HostLinkInfo>(link.getInfo());
  const error = ref<LabErrorInfo | null>(null);
  /** The Connection dialog (App.vue shows it): the header's button and the Lesson's security step open it. */
  const connectionDialogOpen = ref(false);
  const broker = useBrokerStore();
  const connection = useConnectionStore();
  let started = false;

  link.onChange((next) => {
    const cameBack = next.state === 'open' && hostLink.value.state !== 'open';
    hostLink.value = next;
    // The host may have restarted: everything we knew may be stale.
    if (cameBack && started) void refresh();
  });

  async function refresh(): Promise<void> {
    const [appInfo, settings] = await Promise.all([
      callInto(bridge, error, 'app.getInfo', {}),
      callInto(bridge, error, 'settings.get', {}),
      broker.load(),
      connection.load(),
    ]);
    if (appInfo) info.value = appInfo;
    if (settings) locale.value = settings.locale;
  }

  async function start(): Promise<void> {
    if (started) return;
    started = true;
    await refresh();
  }

  /** Switches the page's language at once (App.vue follows `locale`), then saves it; undoes the switch if saving fails. */
  async function setLocale(next: Locale): Promise<boolean> {
    const previous = locale.value;
    locale.value = next;
    const settings = await callInto(bridge, error, 'settings.update', { locale: next });
    locale.value = settings ? settings.locale : previous;
    return Boolean(settings);
  }

  return {
    info,
    locale,
    hostLink,
    error,
    connectionDialogOpen,
    openConnectionDialog: () => (connectionDialogOpen.value = true),
    start,
    refresh,
    setLocale,
  };
});
