import { describe, expect, it } from 'vitest';
import { formatDate, formatMonth, formatMonthTick, monthToDate, parseDate } from '../../dashboard/format/dateFormat.ts';

describe('formatDate', () => {
  it.each([
    ['2026-07-31', '31.07.2026'],
    ['2025-08-01', '01.08.2025'],
    ['not a date', 'not a date'],
  ])('formatDate(%j) is %j', (iso, expected) => expect(formatDate(iso)).toBe(expected));
  it('writes dates as Swedes do in Swedish (2025-09-15), as in bokmål in English and bokmål', () => {
    expect(formatDate('2025-09-15', 'sv')).toBe('2025-09-15');
    expect(formatDate('2025-09-15', 'en')).toBe('15.09.2025');
    expect(formatDate('2025-09-15', 'nb')).toBe('15.09.2025');
  });
});

describe('formatMonth', () => {
  it.each([
    ['2025-08', 'nb', 'aug. 2025'],
    ['2026-03', 'nb', 'mars 2026'],
    ['2026-05', 'en', 'May 2026'],
    ['2026-05', 'sv', 'maj 2026'],
  ] as const)('formatMonth(%j, %s) is %j', (month, lang, expected) => expect(formatMonth(month, lang)).toBe(expected));
});

describe('formatMonthTick', () => {
  it('names the month, with the year when asked', () => {
    expect(formatMonthTick(monthToDate('2026-01'), 'nb', true)).toBe('jan. 2026');
    expect(formatMonthTick(monthToDate('2025-10'), 'en', false)).toBe('Oct');
  });
});

describe('parseDate', () => {
  it.each([
    ['31.07.2026', '2026-07-31'],
    ['1.8.2025', '2025-08-01'],
    [' 01.08.2025 ', '2025-08-01'],
    ['2026-07-31', '2026-07-31'],
    ['29.02.2024', '2024-02-29'],
    ['31.02.2026', null],
    ['29.02.2025', null],
    ['07/31/2026', null],
    ['31.07.26', null],
    ['', null],
  ])('parseDate(%j) is %j', (text, expected) => expect(parseDate(text)).toBe(expected));
});
