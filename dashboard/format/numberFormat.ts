/**
 * Numbers for display, rounded only here. Bokmål writes `1 234,5` with a no-break space
 * (U+00A0) between thousands, from four digits on, and `83,8 %` with a no-break space before
 * the sign (Swedish too); English writes `1,234.5` and `83.8%`. d3-format with explicit locales gives the
 * same text in Node and in every browser (Intl's output differs between ICU versions).
 */
import { formatLocale, type FormatLocaleObject } from 'd3';
import type { Lang } from '../i18n/lang.ts';
import type { FigureKind } from '../api/types.ts';

/** The thousands separator in bokmål: NO-BREAK SPACE. */
export const nbsp = '\u00a0';
/** What a missing value (an empty denominator) is shown as. */
export const missingValue = '–';

const locales: Record<Lang, FormatLocaleObject> = {
  nb: formatLocale({ decimal: ',', thousands: nbsp, grouping: [3], currency: ['', `${nbsp}kr`], percent: `${nbsp}%`, minus: '\u2212' }),
  en: formatLocale({ decimal: '.', thousands: ',', grouping: [3], currency: ['', ' NOK'], minus: '\u2212' }),
  // Swedish writes numbers as bokmål does: `1 234,5` and `83,8 %`.
  sv: formatLocale({ decimal: ',', thousands: nbsp, grouping: [3], currency: ['', `${nbsp}kr`], percent: `${nbsp}%`, minus: '\u2212' }),
};

/** The d3-format specifier each kind of figure is shown with. */
const specifiers: Record<FigureKind, string> = {
  count: ',.0f',
  sum: ',.0f',
  per_meeting: ',.1f',
  mean: ',.1f',
  // Medians of whole days are whole or .5; the 90th percentile interpolates: one decimal at most.
  median: ',.1~f',
  quantile: ',.1~f',
  rate: ',.1%',
};

/** A plain number with up to `decimals` decimals (trailing zeros dropped). */
export function formatNumber(value: number | null | undefined, lang: Lang, decimals = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return missingValue;
  return locales[lang].format(`,.${decimals}~f`)(value);
}

/** A figure's value as the dashboard shows it; null (no basis) is "–". */
export function formatFigure(value: number | null | undefined, kind: FigureKind, lang: Lang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return missingValue;
  return locales[lang].format(specifiers[kind])(value);
}

/** A formatter for a chart axis: rates as whole percentages, other figures as short numbers. */
export function axisFormatter(kind: FigureKind, lang: Lang): (value: number) => string {
  const format = locales[lang].format(kind === 'rate' ? ',.0%' : ',~g');
  return (value) => format(value);
}

/** A count, e.g. an n, with thousands separators. */
export function formatCount(value: number | null | undefined, lang: Lang): string {
  return formatNumber(value, lang, 0);
}
