// The contract's shape of a translatable text the main side sends: a typed key from src-shared/i18n/lab-text-en.ts
// and its values, where a value may itself be a keyed text (an error's reason, a word like "on"). The UI shows it with
// t(key, params), nested values translated first; the outer key must exist.
import { z } from 'zod';
import type { LabText, LabTextParams } from '../i18n/format-lab-text';
import { listLabTextKeys, type LabSentence, type LabTextKey } from '../i18n/lab-text';

/** Any keyed text, nested values included: `{ key, params? }`. */
export const labTextSchema: z.ZodType<LabText> = z.lazy(() => z.object({ key: z.string(), params: labTextParamsSchema.optional() }));

/** A text's values: shown as given, or texts themselves, translated before they are put in. */
export const labTextParamsSchema: z.ZodType<LabTextParams> = z.record(z.string(), z.union([z.string(), z.number(), labTextSchema]));

const LAB_TEXT_KEYS = listLabTextKeys() as [LabTextKey, ...LabTextKey[]];

export const labSentenceSchema: z.ZodType<LabSentence> = z.object({
  key: z.enum(LAB_TEXT_KEYS),
  params: labTextParamsSchema.optional(),
});
