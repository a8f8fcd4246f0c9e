// Numbers in the live tree (counts, totals) in the current language's digits and grouping, with one Intl.NumberFormat
// per locale: vue-i18n's n(value) without a format key builds a new Intl.NumberFormat on every call, which was about a
// quarter of the page's script time while the tree re-renders 20 times a second under a flood (bench explorer-ui).
import { useI18n } from 'vue-i18n';

const formatters = new Map<string, Intl.NumberFormat>();

export function formatCount(locale: string, value: number): string {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale);
    formatters.set(locale, formatter);
  }
  return formatter.format(value);
}

/** Like vue-i18n's n(value), same output, for numbers that change many times a second. */
export function useCountFormat(): (value: number) => string {
  const { locale } = useI18n();
  return (value: number) => formatCount(locale.value, value);
}
