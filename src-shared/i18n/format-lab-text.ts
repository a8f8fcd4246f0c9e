// Fills a locale template ({name} placeholders, vue-i18n's named interpolation) with values, on the main side, and
// the one shape every translatable text has: a key and values, where a value may itself be such a text (an error's
// reason inside a lab note). The renderer uses vue-i18n's t(key, params) on the same templates, nested values first.

/** A value for a {placeholder}: shown as given, or a text that is translated (recursively) before it is put in. */
export type TextValue = string | number | LabText;

export type LabTextParams = Record<string, TextValue>;

/** A translatable text: an i18n key (under a namespace like `errors.` or `nightlight.`) and its values. */
export interface LabText {
  key: string;
  params?: LabTextParams;
}

export function isKeyedText(value: unknown): value is LabText {
  return typeof value === 'object' && value !== null && typeof (value as { key?: unknown }).key === 'string';
}

/** Replaces {name} with params.name; a missing value stays visible as {name} so a gap is noticed, not hidden. */
export function formatLabText(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}
