import { describe, expect, it } from 'vitest';
import type { DashboardState } from '../../dashboard/state/dashboardState.ts';
import { effectiveAsOf, figureParams } from '../../dashboard/state/figureParams.ts';
import { parseQuery, resolveState, toQuery } from '../../dashboard/state/urlState.ts';
import { metaFixture } from './metaFixture.ts';

const resolve = (search: string) => resolveState(parseQuery(search), metaFixture);

describe('resolveState defaults', () => {
  it('an empty query is the overview of the first municipality, latest complete school year, in bokmål', () => {
    expect(resolve('')).toEqual({
      view: 'overview',
      lang: 'nb',
      year: 2025,
      term: 'year',
      from: '2025-08-01',
      to: '2026-07-31',
      asOf: null,
      municipality: 'Alfa',
      level: null,
      school: null,
      figure: 'meetings_held',
      sort: 'name',
      dir: 'asc',
    } satisfies DashboardState);
  });

  it('the as-of date defaults to the end of a past period', () => {
    expect(effectiveAsOf(resolve(''), metaFixture.asOf)).toBe('2026-07-31');
    expect(figureParams(resolve('?asOf=2026-01-31'), metaFixture.asOf, { municipality: 'Beta' })).toEqual({
      from: '2025-08-01',
      to: '2026-07-31',
      asOf: '2026-01-31',
      level: undefined,
      municipality: 'Beta',
    });
  });

  it('the school page without a school shows the first school of the municipality', () => {
    expect(resolve('?view=school&municipality=Beta')).toMatchObject({ school: 'B1', municipality: 'Beta' });
  });

  it('the school page takes its municipality from the school', () => {
    expect(resolve('?view=school&school=A2&municipality=Beta')).toMatchObject({ school: 'A2', municipality: 'Alfa' });
  });

  it('the school page with a level filter picks a school of that level', () => {
    expect(resolve('?view=school&school=A1&level=ungdomsskole')).toMatchObject({ school: 'A2', level: 'ungdomsskole' });
  });

  it('a term is a part of the chosen school year', () => {
    expect(resolve('?year=2024&term=spring')).toMatchObject({ year: 2024, term: 'spring', from: '2025-01-01', to: '2025-07-31' });
  });

  it('custom dates need both ends in order', () => {
    expect(resolve('?term=custom&from=2025-09-01&to=2025-10-15')).toMatchObject({ term: 'custom', from: '2025-09-01', to: '2025-10-15', year: 2025 });
    expect(resolve('?term=custom&from=2025-10-15&to=2025-09-01')).toMatchObject({ term: 'year', from: '2025-08-01' });
    expect(resolve('?term=custom&from=2025-10-15')).toMatchObject({ term: 'year' });
  });
});

describe('parseQuery drops what it cannot trust', () => {
  it.each([
    ['view=admin', 'view'],
    ['lang=de', 'lang'],
    ['year=25', 'year'],
    ['asOf=2026-02-31', 'asOf'],
    ['from=31.07.2026', 'from'],
    ['level=videregaende', 'level'],
    ['dir=sideways', 'dir'],
    ['municipality=%20%20', 'municipality'],
  ])('?%s has no %s', (search, key) => expect(parseQuery(search)).not.toHaveProperty(key));

  it('unknown municipality, school year, figure and sort key fall back to defaults', () => {
    expect(resolve('?municipality=Gamma&year=2019&figure=drop_table&sort=secret')).toMatchObject({
      municipality: 'Alfa',
      year: 2025,
      figure: 'meetings_held',
      sort: 'name',
    });
  });
});

describe('toQuery ↔ resolveState round trip', () => {
  const states: Array<[string, string]> = [
    ['overview', ''],
    ['comparison in English, sorted', '?view=comparison&figure=minutes_rate&sort=minutes_rate&dir=desc&lang=en'],
    ['school page, autumn, as-of, level', '?view=school&school=B2&year=2024&term=autumn&asOf=2025-01-15&level=barneskole&figure=open_cases'],
    ['custom period', '?view=overview&term=custom&from=2025-09-01&to=2026-02-28&municipality=Beta'],
  ];

  it.each(states)('%s: the state survives a trip through its URL', (_name, search) => {
    const state = resolve(search);
    const again = resolve(`?${toQuery(state)}`);
    expect(again).toEqual(state);
    expect(toQuery(again)).toBe(toQuery(state));
  });

  it('writes the data-dependent defaults (school year, municipality) so a link keeps its meaning', () => {
    expect(toQuery(resolve(''))).toBe('view=overview&year=2025&municipality=Alfa&figure=meetings_held');
  });

  it('leaves out the school outside the school page', () => {
    expect(toQuery({ ...resolve('?view=school&school=A1'), view: 'overview' })).not.toContain('school=');
  });
});
