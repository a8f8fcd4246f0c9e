// vue-i18n in composition mode. Locales are found by file: adding locales/te.ts is all Telugu needs.
// Components read text with useI18n(); nothing here talks to the bridge.
import { createI18n } from 'vue-i18n';
import type { LocaleBundle } from './locale-bundle';

export type { LocaleBundle, MessageSchema } from './locale-bundle';
export { listMessageKeys, missingMessageKeys } from './message-keys';

export const FALLBACK_LOCALE = 'en';

const modules = import.meta.glob<{ default: LocaleBundle }>('./locales/*.ts', { eager: true });

/** Every locale that has a file, by code (the file name): { en: {...}, te: {...} }. */
export const localeBundles: Record<string, LocaleBundle> = Object.fromEntries(
  Object.entries(modules).map(([path, module]) => [path.replace(/^.*\/(.+)\.ts$/, '$1'), module.default]),
);

export const availableLocales: string[] = Object.keys(localeBundles).sort();

export function resolveLocale(requested: string | null | undefined): string {
  return requested && requested in localeBundles ? requested : FALLBACK_LOCALE;
}

export function createLabI18n(locale: string = FALLBACK_LOCALE) {
  const bundles = Object.entries(localeBundles);
  return createI18n({
    legacy: false,
    locale: resolveLocale(locale),
    fallbackLocale: FALLBACK_LOCALE,
    messages: Object.fromEntries(bundles.map(([code, bundle]) => [code, bundle.messages])),
    datetimeFormats: Object.fromEntries(bundles.map(([code, bundle]) => [code, bundle.datetimeFormats])),
  });
}

export type LabI18n = ReturnType<typeof createLabI18n>;
