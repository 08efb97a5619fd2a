/**
 * Where a URL out of reach lands: the user's own municipality and (a rector's) school, never
 * the first one in alphabetical order; the municipality list offers only what the viewer can
 * open. The meta below is what a rector of A1 in Alfa is given: Alfa's schools, and every
 * municipality's name (for the comparison).
 */
import { describe, expect, it } from 'vitest';
import type { Meta } from '../../dashboard/api/types.ts';
import { homeScopeOf, noHome } from '../../dashboard/state/homeScope.ts';
import { openMunicipalities, unavailableInQuery } from '../../dashboard/state/openMunicipalities.ts';
import { isDenied, withStartView } from '../../dashboard/state/roleViews.ts';
import { parseQuery, resolveState } from '../../dashboard/state/urlState.ts';
import { metaFixture } from './metaFixture.ts';

/** What a viewer bound to Beta sees: Beta's schools only; Alfa, Beta and Gamma by name. */
const betaMeta: Meta = { ...metaFixture, schools: metaFixture.schools.filter((s) => s.municipality === 'Beta'), municipalities: ['Alfa', 'Beta', 'Gamma'] };
/** What the rector of Beta's Furuly skole (B2, barneskole) sees: Beta's schools. */
const rector = { role: 'rector', municipality: null, school_id: 'B2', school_name: 'Furuly skole', username: 'r' } as const;
const kommune = { role: 'municipality', municipality: 'Beta', school_id: null, school_name: null, username: 'k' } as const;

const asRector = (search: string) => resolveState(withStartView(parseQuery(search), rector), betaMeta, homeScopeOf(rector, betaMeta));
const asKommune = (search: string) => resolveState(withStartView(parseQuery(search), kommune), betaMeta, homeScopeOf(kommune, betaMeta));

describe('what the viewer can open', () => {
  it('the municipalities of the listed schools, in the order of /api/meta', () => {
    expect(openMunicipalities(betaMeta)).toEqual(['Beta']);
    expect(openMunicipalities(metaFixture)).toEqual(['Alfa', 'Beta']);
  });

  it("a rector's home is their school and its municipality", () => {
    expect(homeScopeOf(rector, betaMeta)).toEqual({ school: 'B2', municipality: 'Beta' });
    expect(homeScopeOf(kommune, betaMeta)).toEqual({ school: null, municipality: 'Beta' });
    expect(homeScopeOf({ municipality: null, school_id: null }, metaFixture)).toEqual(noHome);
  });
});

describe('a municipality out of reach falls back to the own one', () => {
  it('a forbidden or unknown municipality in the URL gives the own municipality, not the first alphabetically', () => {
    expect(asKommune('?view=overview&municipality=Alfa').municipality).toBe('Beta');
    expect(asKommune('?view=overview&municipality=Nowhere').municipality).toBe('Beta');
    expect(unavailableInQuery(parseQuery('?view=overview&municipality=Alfa'), betaMeta)).toBe(true);
    expect(unavailableInQuery(parseQuery('?view=overview&municipality=Beta'), betaMeta)).toBe(false);
    // The comparison lists every municipality: naming one there is not out of reach.
    expect(unavailableInQuery(parseQuery('?view=comparison&municipality=Alfa'), betaMeta)).toBe(false);
  });

  it('among several it can open, the home municipality is the fallback, not the first', () => {
    expect(resolveState(parseQuery('?municipality=Nowhere'), metaFixture, { municipality: 'Beta', school: null }).municipality).toBe('Beta');
    expect(resolveState(parseQuery('?municipality=Alfa'), metaFixture, { municipality: 'Beta', school: null }).municipality).toBe('Alfa');
  });

  it('an administrator without a home falls back to the first municipality', () => {
    expect(resolveState(parseQuery('?municipality=Nowhere'), metaFixture).municipality).toBe('Alfa');
  });

  it('a school out of reach is a fallback too (not "no access"), a view out of reach is not', () => {
    expect(asKommune('?view=school&school=A1')).toMatchObject({ school: 'B1', municipality: 'Beta' });
    expect(unavailableInQuery(parseQuery('?view=school&school=A1'), betaMeta)).toBe(true);
    expect(unavailableInQuery(parseQuery('?view=school&school=B1&municipality=Alfa'), betaMeta)).toBe(false);
    expect(isDenied(parseQuery('?view=school&school=A1'), kommune)).toBe(false);
    expect(isDenied(parseQuery('?view=log'), kommune)).toBe(true);
  });
});

describe('a rector starts on their own year wheel, and stays on their own school page', () => {
  it('with no view (their year wheel), and with ?view=school without a school', () => {
    expect(asRector('')).toMatchObject({ view: 'yearwheel', school: 'B2', municipality: 'Beta' });
    // B1 comes first in Beta (Elvetun before Furuly): the old fallback.
    expect(asRector('?view=school')).toMatchObject({ view: 'school', school: 'B2', municipality: 'Beta' });
  });

  it('with a school out of reach in the URL', () => {
    expect(asRector('?view=school&school=A1')).toMatchObject({ school: 'B2', municipality: 'Beta' });
  });

  it('when another school level is chosen on the own page (the level stays, for the municipality column)', () => {
    expect(asRector('?view=school&school=B2&level=kombinert')).toMatchObject({ school: 'B2', level: 'kombinert' });
    expect(asRector('?view=school&level=kombinert')).toMatchObject({ school: 'B2', level: 'kombinert' });
  });

  it('a peer school chosen on purpose is shown; a level then picks a school of that level', () => {
    expect(asRector('?view=school&school=B1')).toMatchObject({ school: 'B1' });
    expect(asRector('?view=school&school=B1&level=barneskole')).toMatchObject({ school: 'B2' });
  });
});
