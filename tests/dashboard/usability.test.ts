/**
 * The pure parts of issue 12: why typed text is not a date, what a link asked for that cannot
 * be shown as asked, whether a period can have data, an as-of date before the period, text
 * wrapped for an exported chart's caption, and export file names in each language. Every
 * expected value is written by hand.
 */
import { describe, expect, it } from 'vitest';
import { fileSlug } from '../../dashboard/export/download.ts';
import { wrapText } from '../../dashboard/export/exportCaption.ts';
import { dateProblem } from '../../dashboard/format/dateFormat.ts';
import { loadLanguage, strings } from '../../dashboard/i18n/strings.ts';
import { asOfBeforeStart, periodCoverage } from '../../dashboard/state/periodCoverage.ts';
import { urlProblems } from '../../dashboard/state/urlProblems.ts';
import { resolveState, parseQuery } from '../../dashboard/state/urlState.ts';
import { metaFixture } from './metaFixture.ts';

// English and Swedish are fetched on demand in the browser (i18n/strings.ts); here once, first.
await Promise.all([loadLanguage('en'), loadLanguage('sv')]);

const span = metaFixture.span; // 2024-08-19 – 2026-06-22
const today = metaFixture.asOf; // 2026-11-23

describe('dateProblem', () => {
  it.each([
    ['31.02.2025', { kind: 'no_such_day', year: 2025, month: 2, daysInMonth: 28 }],
    ['29.02.2025', { kind: 'no_such_day', year: 2025, month: 2, daysInMonth: 28 }],
    ['30.02.2024', { kind: 'no_such_day', year: 2024, month: 2, daysInMonth: 29 }],
    ['31.4.2026', { kind: 'no_such_day', year: 2026, month: 4, daysInMonth: 30 }],
    ['2025-02-31', { kind: 'no_such_day', year: 2025, month: 2, daysInMonth: 28 }],
    ['32.01.2025', { kind: 'no_such_day', year: 2025, month: 1, daysInMonth: 31 }],
    ['15.13.2025', { kind: 'format' }],
    ['00.01.2025', { kind: 'format' }],
    ['31/01/2025', { kind: 'format' }],
    ['i går', { kind: 'format' }],
    ['31.01.25', { kind: 'format' }],
  ])('%j: %j', (text, expected) => expect(dateProblem(text)).toEqual(expected));

  it.each(['29.02.2024', '1.8.2025', '2026-07-31', '', '  '])('%j is no problem', (text) => expect(dateProblem(text)).toBeNull());
});

describe('urlProblems', () => {
  it('a custom period with from after to', () => {
    expect(urlProblems('?term=custom&from=2025-03-01&to=2025-01-01', span, today)).toEqual([{ kind: 'from_after_to', from: '2025-03-01', to: '2025-01-01' }]);
  });

  it('a one-day period (from equal to to) is no problem', () => {
    expect(urlProblems('?term=custom&from=2025-03-01&to=2025-03-01', span, today)).toEqual([]);
  });

  it('dates that do not exist, each named with the value as the link had it', () => {
    expect(urlProblems('?term=custom&from=2025-02-31&to=2025-06-30&asOf=2025-13-01', span, today)).toEqual([
      { kind: 'bad_date', parameter: 'from', value: '2025-02-31' },
      { kind: 'bad_date', parameter: 'asOf', value: '2025-13-01' },
    ]);
    expect(urlProblems('?asOf=31.07.2026', span, today)).toEqual([{ kind: 'bad_date', parameter: 'asOf', value: '31.07.2026' }]);
  });

  it('custom dates with an end missing; from and to without a term count as custom', () => {
    expect(urlProblems('?term=custom&from=2025-03-01', span, today)).toEqual([{ kind: 'custom_incomplete' }]);
    expect(urlProblems('?to=2025-03-01', span, today)).toEqual([{ kind: 'custom_incomplete' }]);
    expect(urlProblems('?from=2025-03-01&to=2025-01-01', span, today)).toEqual([{ kind: 'from_after_to', from: '2025-03-01', to: '2025-01-01' }]);
  });

  it('a school year the data does not touch', () => {
    expect(urlProblems('?year=2030', span, today)).toEqual([{ kind: 'unknown_year', value: '2030' }]);
    expect(urlProblems('?year=2024', span, today)).toEqual([]);
  });

  it('a good link, and empty values (a form left blank), have no problems', () => {
    expect(urlProblems('?view=overview&year=2025&term=autumn&asOf=2025-12-01&municipality=Alfa', span, today)).toEqual([]);
    expect(urlProblems('?term=custom&from=2025-01-01&to=2025-03-01&asOf=', span, today)).toEqual([]);
  });

  it('a long value is quoted cut short', () => {
    const [problem] = urlProblems(`?asOf=${'x'.repeat(60)}`, span, today);
    expect(problem).toEqual({ kind: 'bad_date', parameter: 'asOf', value: `${'x'.repeat(40)}…` });
  });
});

describe('resolveState with from and to but no term', () => {
  it('means those dates', () => {
    expect(resolveState(parseQuery('?from=2025-09-01&to=2025-10-15'), metaFixture)).toMatchObject({ term: 'custom', from: '2025-09-01', to: '2025-10-15' });
  });
});

describe('periodCoverage', () => {
  it.each([
    [{ from: '2025-08-01', to: '2026-07-31' }, 'ok'],
    [{ from: '2026-08-01', to: '2027-07-31' }, 'outside_data'], // begun (before today) but after the data
    [{ from: '2030-08-01', to: '2031-07-31' }, 'future'],
    [{ from: '2026-11-24', to: '2026-12-31' }, 'future'],
    [{ from: '2026-11-23', to: '2026-12-31' }, 'outside_data'],
    [{ from: '2023-08-01', to: '2024-08-18' }, 'outside_data'],
    [{ from: '2023-08-01', to: '2024-08-19' }, 'ok'],
    [{ from: '2026-06-22', to: '2026-07-31' }, 'ok'],
  ])('%j is %s', (period, expected) => expect(periodCoverage(period, span, today)).toBe(expected));

  it('an empty database has no data for any past period', () => {
    expect(periodCoverage({ from: '2025-08-01', to: '2026-07-31' }, { first_date: null, last_date: null }, today)).toBe('no_data');
  });
});

describe('asOfBeforeStart', () => {
  const period = { from: '2025-01-01', to: '2025-03-01' };
  it.each([
    ['2024-12-31', true],
    ['2025-01-01', false],
    ['2025-06-30', false],
    [null, false],
  ] as const)('as-of %s: %s', (asOf, expected) => expect(asOfBeforeStart(period, asOf)).toBe(expected));
});

describe('wrapText', () => {
  it('breaks at spaces, a line at most the given length', () => {
    expect(wrapText('Andel saker som ennå ikke er avsluttet', 16)).toEqual(['Andel saker som', 'ennå ikke er', 'avsluttet']);
  });
  it('a word longer than a line stands alone', () => {
    expect(wrapText('a Kaplan–Meier-medianen b', 8)).toEqual(['a', 'Kaplan–Meier-medianen', 'b']);
  });
  it('empty text is no line', () => expect(wrapText('  ', 10)).toEqual([]));
});

describe('export file names follow the language', () => {
  const period = ['2025-08-01', '2026-07-31'] as const;
  it.each([
    ['nb', (t = strings('nb')) => fileSlug(t.ux.files.perSchool('Gjennomførte møter'), 'Fjordvik', ...period), 'gjennomforte-moter-per-skole-fjordvik-2025-08-01-2026-07-31'],
    ['en', (t = strings('en')) => fileSlug(t.ux.files.perSchool('Meetings held'), 'Fjordvik', ...period), 'meetings-held-per-school-fjordvik-2025-08-01-2026-07-31'],
    ['nb', (t = strings('nb')) => fileSlug(t.ux.files.figuresBySchool, 'Bjørkestrand', ...period), 'nokkeltall-skoler-bjorkestrand-2025-08-01-2026-07-31'],
    ['en', (t = strings('en')) => fileSlug(t.ux.files.figuresByMunicipality, ...period), 'key-figures-municipalities-2025-08-01-2026-07-31'],
    ['nb', (t = strings('nb')) => fileSlug(t.ux.files.perMonth('Åpne saker'), 'Havblikk skole', ...period), 'apne-saker-per-maned-havblikk-skole-2025-08-01-2026-07-31'],
    ['en', (t = strings('en')) => fileSlug(t.ux.files.durations, 'Fjordvik', ...period), 'days-to-end-fjordvik-2025-08-01-2026-07-31'],
    ['en', (t = strings('en')) => fileSlug(t.ux.files.incidence, 'Fjordvik', ...period), 'cumulative-incidence-per-outcome-fjordvik-2025-08-01-2026-07-31'],
  ] as const)('%s: %s', (_lang, name, expected) => expect(name()).toBe(expected));
});
