/** pairMatrix and detailScope: the matrix's agencies and cells, and which scope the page asks for (expected values by hand). */
import { describe, expect, it } from 'vitest';
import type { SchoolInfo } from '../../../../dashboard/api/types.ts';
import { detailScope } from '../../../../dashboard/data/deviations/detailScope.ts';
import { pairMatrix } from '../../../../dashboard/data/deviations/pairMatrix.ts';

describe('pairMatrix', () => {
  it('keeps the agencies named, in the contract order, and every pair below the diagonal (0 where none)', () => {
    const m = pairMatrix([
      { a: 'school', b: 'child_psychiatry', reported: 3 },
      { a: 'school', b: 'ppt', reported: 1 },
    ]);
    expect(m.agencies).toEqual(['school', 'child_psychiatry', 'ppt']);
    expect(m.cells).toEqual([
      { row: 'child_psychiatry', column: 'school', count: 3 },
      { row: 'ppt', column: 'school', count: 1 },
      { row: 'ppt', column: 'child_psychiatry', count: 0 },
    ]);
  });

  it('puts an unknown code after the known ones, and nothing for no pairs', () => {
    expect(pairMatrix([{ a: 'other', b: 'zz_new', reported: 2 }]).agencies).toEqual(['other', 'zz_new']);
    expect(pairMatrix([])).toEqual({ agencies: [], cells: [] });
  });
});

describe('detailScope', () => {
  const school = (id: string, scoped: boolean): SchoolInfo => ({ school_id: id, school_name: `Skole ${id}`, municipality: 'M', scoped }) as SchoolInfo;
  it('asks for the municipality when all its schools are the viewer’s, a rector’s own school, else nothing', () => {
    expect(detailScope('M', [school('a', true), school('b', true)])).toEqual({ municipality: 'M' });
    expect(detailScope('M', [school('a', false), school('b', true)])).toEqual({ school: 'b', name: 'Skole b' });
    expect(detailScope('M', [school('a', false), school('b', false)])).toBeNull();
    expect(detailScope('M', [])).toBeNull();
  });
});
