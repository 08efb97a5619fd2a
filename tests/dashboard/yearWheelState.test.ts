/**
 * The year wheel's state: the rector lands on it; its school is one the viewer is scoped to
 * (a peer school in the URL falls back to the own one); it reads whole school years; its
 * menu entry is first and the annual review has none.
 */
import { describe, expect, it } from 'vitest';
import type { Meta } from '../../dashboard/api/types.ts';
import { homeScopeOf } from '../../dashboard/state/homeScope.ts';
import { menuViewsFor, viewsFor, withStartView } from '../../dashboard/state/roleViews.ts';
import { parseQuery, resolveState, toQuery } from '../../dashboard/state/urlState.ts';
import { metaFixture } from './metaFixture.ts';

/** The rector of B2 sees Beta's schools, B2 in full and B1 as a peer. */
const rectorMeta: Meta = {
  ...metaFixture,
  schools: metaFixture.schools.filter((s) => s.municipality === 'Beta').map((s) => ({ ...s, scoped: s.school_id === 'B2' })),
  municipalities: ['Alfa', 'Beta', 'Gamma'],
};
const rector = { role: 'rector', municipality: null, school_id: 'B2', school_name: 'Furuly skole', username: 'r' } as const;
const asRector = (search: string) => resolveState(withStartView(parseQuery(search), rector), rectorMeta, homeScopeOf(rector, rectorMeta));

describe('the year wheel state', () => {
  it('a rector without a view in the URL lands on their own year wheel', () => {
    expect(asRector('')).toMatchObject({ view: 'yearwheel', school: 'B2' });
  });

  it('a peer school in the URL falls back to the own school (the school page would show the peer)', () => {
    expect(asRector('?view=yearwheel&school=B1')).toMatchObject({ view: 'yearwheel', school: 'B2' });
    expect(asRector('?view=annualreview&school=B1')).toMatchObject({ view: 'annualreview', school: 'B2' });
    expect(asRector('?view=school&school=B1')).toMatchObject({ view: 'school', school: 'B1' });
  });

  it('reads a whole school year: a term or custom dates become the school year', () => {
    expect(asRector('?view=yearwheel&year=2024&term=autumn')).toMatchObject({ term: 'year', from: '2024-08-01', to: '2025-07-31' });
    expect(asRector('?view=yearwheel&year=2024&term=custom&from=2024-09-01&to=2024-09-30')).toMatchObject({ term: 'year', from: '2024-08-01', to: '2025-07-31' });
  });

  it('keeps the school in the link', () => {
    expect(new URLSearchParams(toQuery(asRector('?view=yearwheel'))).get('school')).toBe('B2');
  });

  it('every role has the year wheel first in the menu; the annual review is reached from it', () => {
    for (const role of ['admin', 'municipality', 'ppt', 'rector'] as const) {
      expect(menuViewsFor(role)[0]).toBe('yearwheel');
      expect(menuViewsFor(role)).not.toContain('annualreview');
      expect(viewsFor(role)).toContain('annualreview');
    }
  });
});
