/** The themes per term: the year's order, one row per term, an empty summary where a term had nothing. */
import { describe, expect, it } from 'vitest';
import { termRows } from '../../../dashboard/data/competence/termRows.ts';

interface S {
  readonly code: string;
  readonly schools: number;
}

describe('termRows', () => {
  it('keeps the year ranking and fills a term without the code with the empty summary', () => {
    const year: S[] = [
      { code: 'skolemiljo', schools: 5 },
      { code: 'lesing', schools: 3 },
    ];
    const autumn: S[] = [{ code: 'lesing', schools: 3 }]; // ranked first in the autumn, second in the year
    const spring: S[] = [
      { code: 'skolemiljo', schools: 5 },
      { code: 'lesing', schools: 1 },
    ];
    const rows = termRows(year, (s) => s.code, [{ label: 'Høsten 2024', ranking: autumn }, { label: 'Våren 2025', ranking: spring }], (code) => ({ code, schools: 0 }));
    expect(rows.map((r) => `${r.code}|${r.term}|${r.summary.schools}`)).toEqual([
      'skolemiljo|Høsten 2024|0',
      'skolemiljo|Våren 2025|5',
      'lesing|Høsten 2024|3',
      'lesing|Våren 2025|1',
    ]);
  });
});
