import { describe, expect, it } from 'vitest';
import { tableRows } from '../../../dashboard/api/tableRows.ts';

describe('tableRows: JSON rows in the shape the views read (the shape Arrow gave them)', () => {
  it('joins a list with commas, an empty list is null', () => {
    expect(tableRows([{ suppressed: ['meetings_held', 'minutes_rate'] }, { suppressed: [] }])).toEqual([{ suppressed: 'meetings_held,minutes_rate' }, { suppressed: null }]);
  });
  it('writes an object as JSON text', () => {
    expect(tableRows([{ deviations_by_agency: { school: 2, child_psychiatry: 1 } }])).toEqual([{ deviations_by_agency: '{"school":2,"child_psychiatry":1}' }]);
  });
  it('keeps numbers, text, booleans and nulls as they came', () => {
    const row = { school_id: '990660027', school_name: 'Granlia barneskole', month: '2025-08', meetings_held: 34, survival: 0.5, n_cases: 0, suppressed_reason: null, flag: false };
    expect(tableRows([row])).toEqual([row]);
  });
  it('an empty table is no rows', () => expect(tableRows([])).toEqual([]));
});
