// Fills a locale template ({name} placeholders, vue-i18n's named interpolation) with values, on the main side.
// The renderer uses vue-i18n's t(key, params) on the same templates; only {name} is supported here (no plurals, no @links).

export type LabTextParams = Record<string, string | number>;

/** A translatable text: an i18n key (under a namespace like `errors.`) and the values its {placeholders} take. */
export interface LabText {
  key: string;
  params?: LabTextParams;
}

/** Replaces {name} with params.name; a missing value stays visible as {name} so a gap is noticed, not hidden. */
export function formatLabText(template: string, params: LabTextParams = {}): string {
  return template.replace(/\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}
