import { describe, expect, it } from 'vitest';
import { compareGroups } from '../../../etl/figures/groupOrder.ts';

describe('compareGroups', () => {
  it('compareGroups sorts municipalities in Norwegian order: Æ, Ø, Å after Z', () => {
    const names = ['Åsnes', 'Ørland', 'Ærøy', 'Zeta', 'aremark', 'Bergen'];
    const sorted = names.map((municipality) => ({ municipality })).sort(compareGroups).map((g) => g.municipality);
    expect(sorted).toEqual(['aremark', 'Bergen', 'Zeta', 'Ærøy', 'Ørland', 'Åsnes']);
  });

  it('compareGroups sorts schools by name, then municipality, then id', () => {
    const rows = [
      { school_id: 'B', school_name: 'Vassøy skole', municipality: 'Stavanger' },
      { school_id: 'A', school_name: 'Vassøy skole', municipality: 'Stavanger' },
      { school_id: 'C', school_name: 'Vassøy skole', municipality: 'Sandnes' },
      { school_id: 'D', school_name: 'Auglend skole', municipality: 'Stavanger' },
    ];
    expect(rows.sort(compareGroups).map((r) => r.school_id)).toEqual(['D', 'C', 'A', 'B']);
  });
});
