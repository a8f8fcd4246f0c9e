// The shape every locale file exports: English defines it, so a locale missing a key fails to typecheck.
import type en from './locales/en';

export type MessageSchema = (typeof en)['messages'];

export interface LocaleBundle {
  messages: MessageSchema;
  datetimeFormats: { time: Intl.DateTimeFormatOptions };
}
