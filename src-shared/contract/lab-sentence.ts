// The contract's shape of a translatable text the main side sends: a typed key from src-shared/i18n/lab-text-en.ts,
// its values, and values that are texts themselves. The UI shows it with t(key, params); the key must exist.
import { z } from 'zod';
import { listLabTextKeys, type LabSentence, type LabTextKey } from '../i18n/lab-text';

const labTextParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

export const labTextSchema = z.object({ key: z.string(), params: labTextParamsSchema.optional() });

const LAB_TEXT_KEYS = listLabTextKeys() as [LabTextKey, ...LabTextKey[]];

export const labSentenceSchema: z.ZodType<LabSentence> = z.object({
  key: z.enum(LAB_TEXT_KEYS),
  params: labTextParamsSchema.optional(),
  words: z.record(z.string(), labTextSchema).optional(),
});
