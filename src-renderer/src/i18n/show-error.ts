// Shows an error or status sentence the main side sent in the page's language: t(key, params) when it carries an
// `errors.*` key this locale has (error texts given as values translated first), else its English message.
import { useI18n } from 'vue-i18n';

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

function isKeyedText(value: unknown): value is KeyedText {
  return typeof value === 'object' && value !== null && typeof (value as { key?: unknown }).key === 'string';
}

/** The text in this locale, or undefined when the locale lacks the key (or a key given as a value). */
export function translateKeyedText(t: Translate, has: HasKey, text: KeyedText): string | undefined {
  if (!has(text.key)) return undefined;
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(text.params ?? {})) {
    const shown = isKeyedText(value) ? translateKeyedText(t, has, value) : value;
    if (shown === undefined) return undefined;
    values[name] = shown;
  }
  return t(text.key, values);
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

/** For components: errorText(store.error) and statusText(client) in the current locale. */
export function useErrorText() {
  const { t, te } = useI18n();
  const translate: Translate = (key, values) => t(key, values);
  const has: HasKey = (key) => te(key);
  return {
    errorText: (error: ShownError | null | undefined) => showError(translate, has, error),
    statusText: (status: ShownStatus | null | undefined) => showStatusMessage(translate, has, status),
  };
}
