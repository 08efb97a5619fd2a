import { describe, expect, it } from 'vitest';
import type { FigureKind } from '../../dashboard/api/types.ts';
import { axisFormatter, formatCount, formatFigure, formatNumber } from '../../dashboard/format/numberFormat.ts';
import type { Lang } from '../../dashboard/i18n/lang.ts';

const nbsp = '\u00a0';

describe('formatFigure', () => {
  it.each<[number | null, FigureKind, Lang, string]>([
    [1234, 'count', 'nb', `1${nbsp}234`],
    [636, 'count', 'nb', '636'],
    [1234567, 'sum', 'nb', `1${nbsp}234${nbsp}567`],
    [1234.5, 'mean', 'nb', `1${nbsp}234,5`],
    [12.619047619047619, 'mean', 'nb', '12,6'],
    [0.7279874213836478, 'per_meeting', 'nb', '0,7'],
    [76.5, 'median', 'nb', '76,5'],
    [77, 'median', 'nb', '77'],
    [190.20000000000005, 'quantile', 'nb', '190,2'],
    [0.8394736842105263, 'rate', 'nb', `83,9${nbsp}%`],
    [0.838, 'rate', 'nb', `83,8${nbsp}%`],
    [1, 'rate', 'nb', `100,0${nbsp}%`],
    [0, 'rate', 'nb', `0,0${nbsp}%`],
    [1234.5, 'mean', 'en', '1,234.5'],
    [0.838, 'rate', 'en', '83.8%'],
    [76.5, 'median', 'en', '76.5'],
  ])('formatFigure(%s, %s, %s) is %j', (value, kind, lang, expected) => {
    expect(formatFigure(value, kind, lang)).toBe(expected);
  });

  it('shows a missing value (null, undefined, NaN) as an en dash', () => {
    expect(formatFigure(null, 'rate', 'nb')).toBe('–');
    expect(formatFigure(undefined, 'count', 'nb')).toBe('–');
    expect(formatFigure(Number.NaN, 'mean', 'en')).toBe('–');
  });

  it('rounds only the text, never the number', () => {
    const value = 0.83849;
    expect(formatFigure(value, 'rate', 'nb')).toBe(`83,8${nbsp}%`);
    expect(value).toBe(0.83849);
  });
});

describe('formatNumber and formatCount', () => {
  it('formatNumber(1234.56, nb) keeps one decimal', () => expect(formatNumber(1234.56, 'nb')).toBe(`1${nbsp}234,6`));
  it('formatNumber drops a trailing zero', () => expect(formatNumber(70, 'nb')).toBe('70'));
  it('formatCount(12345, en) groups thousands', () => expect(formatCount(12345, 'en')).toBe('12,345'));
  it('formatCount(null) is an en dash', () => expect(formatCount(null, 'nb')).toBe('–'));
});

describe('axisFormatter', () => {
  it('shows rates as whole percentages', () => expect(axisFormatter('rate', 'nb')(0.5)).toBe(`50${nbsp}%`));
  it('shows counts without trailing zeros', () => expect(axisFormatter('count', 'nb')(2000)).toBe(`2${nbsp}000`));
  it('shows small means with a decimal comma', () => expect(axisFormatter('mean', 'nb')(2.5)).toBe('2,5'));
});
