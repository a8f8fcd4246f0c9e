// Shows an error or status sentence the main side sent in the page's language: t(key, params) when it carries a key
// this locale has (keyed values inside translated first, at any depth: show-lab-text.ts), else its English message.
import { useI18n } from 'vue-i18n';
import { translateText } from './show-lab-text';

type Translate = (key: string, values: Record<string, unknown>) => string;
type HasKey = (key: string) => boolean;

interface KeyedText {
  key: string;
  params?: Record<string, unknown>;
}

/** A LabErrorInfo, or anything with an English message and maybe its key. */
export interface ShownError {
  message?: string;
  key?: string;
  params?: Record<string, unknown>;
}

/** A status object (client, broker, serial port): an English message and maybe messageText, its key and values. */
export interface ShownStatus {
  message?: string | null;
  messageText?: KeyedText;
}

/** The text in this locale, or undefined when the locale lacks the key (or a key given as a value). */
export function translateKeyedText(t: Translate, has: HasKey, text: KeyedText): string | undefined {
  return translateText(t, has, text as Parameters<typeof translateText>[2]);
}

export function showError(t: Translate, has: HasKey, error: ShownError | null | undefined): string {
  if (!error) return '';
  const translated = error.key ? translateKeyedText(t, has, { key: error.key, ...(error.params ? { params: error.params } : {}) }) : undefined;
  return translated ?? error.message ?? '';
}

export function showStatusMessage(t: Translate, has: HasKey, status: ShownStatus | null | undefined): string {
  if (!status) return '';
  return (status.messageText && translateKeyedText(t, has, status.messageText)) ?? status.message ?? '';
}

/** A status whose message is several sentences, each with its key (the broker's): all translated, or the English. */
export function showStatusMessages(t: Translate, has: HasKey, status: { message?: string | null; messageTexts?: KeyedText[] } | null | undefined): string {
  if (!status) return '';
  const shown = (status.messageTexts ?? []).map((text) => translateKeyedText(t, has, text));
  return status.messageTexts?.length && shown.every((text) => text !== undefined) ? shown.join(' ') : (status.message ?? '');
}

/** For components: errorText(store.error) and statusText(client) in the current locale. */
export function useErrorText() {
  const { t, te } = useI18n();
  const translate: Translate = (key, values) => t(key, values);
  const has: HasKey = (key) => te(key);
  return {
    errorText: (error: ShownError | null | undefined) => showError(translate, has, error),
    statusText: (status: ShownStatus | null | undefined) => showStatusMessage(translate, has, status),
    statusTexts: (status: Parameters<typeof showStatusMessages>[2]) => showStatusMessages(translate, has, status),
  };
}
