// The English of any keyed text, errors (`errors.*`, errors-en.ts) and lab texts (lab-text-en.ts) alike, with values
// that are texts themselves made English first. Used for LabError.message, logs, the CLI, exports and tests.
import { errorsEn } from './errors-en';
import { formatLabText, isKeyedText, type LabText, type LabTextParams } from './format-lab-text';
import { labTextEn } from './lab-text-en';

function templateIn(tree: object, path: string): string | undefined {
  let node: unknown = tree;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** The English template of a key, or undefined when the key is not one of ours. */
export function englishTemplateOf(key: string): string | undefined {
  return key.startsWith('errors.') ? templateIn(errorsEn, key.slice('errors.'.length)) : templateIn(labTextEn, key);
}

/** The English sentence; an unknown key shows itself rather than nothing. */
export function englishTextOf(text: LabText): string {
  return formatLabText(englishTemplateOf(text.key) ?? text.key, englishParams(text.params));
}

/** The values with each one that is a text made English (for a template that is not in errors-en or lab-text-en). */
export function englishParams(params: LabTextParams = {}): Record<string, string | number> {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, isKeyedText(value) ? englishTextOf(value) : value]));
}
