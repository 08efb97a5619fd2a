import { describe, expect, it } from 'vitest';
import { schoolsFromColumns, type ColumnMeta } from '../../../dashboard/api/schoolsFromColumns.ts';

const rest = { municipalities: ['Fjordvik', 'Lauvåsen'], span: { first_date: '2023-08-14', last_date: '2026-06-19' }, asOf: '2026-11-23', suppression: { threshold: 5 }, figures: [], deviation_figures: [] };

describe('schoolsFromColumns', () => {
  it('zips the lists back into one school each, in order, and keeps the rest of the meta', () => {
    const meta: ColumnMeta = {
      ...rest,
      schools: {
        school_id: ['990010014', '990020010'],
        school_name: ['Havblikk skole', 'Lauvåsen skole'],
        municipality: ['Fjordvik', 'Lauvåsen'],
        level: ['barneskole', null],
        scoped: [true, false],
        students: [212, null],
        staff: [31, null],
      },
    };
    expect(schoolsFromColumns(meta)).toEqual({
      ...rest,
      schools: [
        { school_id: '990010014', school_name: 'Havblikk skole', municipality: 'Fjordvik', level: 'barneskole', scoped: true, students: 212, staff: 31 },
        { school_id: '990020010', school_name: 'Lauvåsen skole', municipality: 'Lauvåsen', level: null, scoped: false, students: null, staff: null },
      ],
    });
  });
  it('no schools is an empty list', () => {
    const empty = { school_id: [], school_name: [], municipality: [], level: [], scoped: [], students: [], staff: [] };
    expect(schoolsFromColumns({ ...rest, schools: empty }).schools).toEqual([]);
  });
});
