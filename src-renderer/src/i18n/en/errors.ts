// English error messages the main side sends as `errors.*` keys. Part of locales/en.ts; other locales mirror its keys.
// The text lives in src-shared/i18n/errors-en.ts, where the main side also makes its English messages: one source.
import { errorsEn } from '../../../../src-shared/i18n/errors-en';

export default errorsEn;
