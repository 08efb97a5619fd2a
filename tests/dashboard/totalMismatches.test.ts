/**
 * A total row equals the sum of the rows it totals, or the table says why not: the note is
 * decided from the data (the sum of the visible rows against the total), per figure, and
 * names the server's reason for what is hidden. Expected values are written out by hand.
 */
import { describe, expect, it } from 'vitest';
import type { FigureRow } from '../../dashboard/api/types.ts';
import { hiddenReasonOf } from '../../dashboard/data/hiddenReason.ts';
import { totalMismatches } from '../../dashboard/data/totalMismatches.ts';
import { figureSpecs } from '../../etl/figures/figureKeys.ts';

const specs = figureSpecs.filter((s) => ['meetings_held', 'cases_ended', 'staff_reached_total', 'minutes_rate'].includes(s.key));

function row(values: Partial<Record<string, number | null>>, extra: Partial<Pick<FigureRow, 'suppressed' | 'suppressed_reason'>> = {}): FigureRow {
  return { meetings_held: null, cases_ended: null, staff_reached_total: null, minutes_rate: null, ...values, ...extra } as unknown as FigureRow;
}

describe('totalMismatches', () => {
  it('no note when every count adds up (rates are not summed)', () => {
    const rows = [row({ meetings_held: 86, cases_ended: 10, staff_reached_total: 3, minutes_rate: 0.5 }), row({ meetings_held: 349, cases_ended: 7, staff_reached_total: 0, minutes_rate: 0.9 })];
    expect(totalMismatches(rows, row({ meetings_held: 435, cases_ended: 17, staff_reached_total: 3, minutes_rate: 0.1 }), specs)).toEqual([]);
  });

  it('a hidden cell that makes the sum fall short is named with its reason', () => {
    const rows = [
      row({ meetings_held: 86, cases_ended: 12 }),
      row({ meetings_held: 201, cases_ended: null }, { suppressed: ['cases_ended'], suppressed_reason: 'small_numbers' }),
    ];
    expect(totalMismatches(rows, row({ meetings_held: 287, cases_ended: 15 }), specs)).toEqual([{ cause: 'small_numbers', keys: ['cases_ended'] }]);
  });

  it('groups figures by cause; an access rule is not called small numbers; no reason given is just "hidden"', () => {
    const rows = [
      row({ meetings_held: 10, cases_ended: null, staff_reached_total: null }, { suppressed: 'cases_ended,staff_reached_total', suppressed_reason: 'whole_school_years_only' }),
      row({ meetings_held: 5, cases_ended: 4, staff_reached_total: 2 }),
    ];
    expect(totalMismatches(rows, row({ meetings_held: 15, cases_ended: 9, staff_reached_total: 6 }), specs)).toEqual([
      { cause: 'whole_school_years_only', keys: ['staff_reached_total', 'cases_ended'] },
    ]);
    const unexplained = [row({ meetings_held: null }, { suppressed: ['meetings_held'] }), row({ meetings_held: 5 })];
    expect(totalMismatches(unexplained, row({ meetings_held: 9 }), specs)).toEqual([{ cause: 'hidden', keys: ['meetings_held'] }]);
  });

  it('a sum that differs with nothing hidden is "other"; a hidden total is not compared', () => {
    expect(totalMismatches([row({ meetings_held: 4 }), row({ meetings_held: 4 })], row({ meetings_held: 9 }), specs)).toEqual([{ cause: 'other', keys: ['meetings_held'] }]);
    expect(totalMismatches([row({ meetings_held: 4 })], row({ meetings_held: null }, { suppressed: true }), specs)).toEqual([]);
  });

  it('a hidden cell whose absence still adds up needs no note', () => {
    const rows = [row({ meetings_held: 0 }, { suppressed: ['meetings_held'], suppressed_reason: 'small_numbers' }), row({ meetings_held: 7 })];
    expect(totalMismatches(rows, row({ meetings_held: 7 }), specs)).toEqual([]);
  });
});

describe('hiddenReasonOf', () => {
  it('reads the three reasons and nothing else', () => {
    expect(hiddenReasonOf({ suppressed_reason: 'small_numbers' })).toBe('small_numbers');
    expect(hiddenReasonOf({ suppressed_reason: 'whole_school_years_only' })).toBe('whole_school_years_only');
    expect(hiddenReasonOf({ suppressed_reason: 'level_slice' })).toBe('level_slice');
    expect(hiddenReasonOf({ suppressed_reason: null })).toBe(null);
    expect(hiddenReasonOf({ suppressed_reason: 'other' })).toBe(null);
    expect(hiddenReasonOf({})).toBe(null);
  });
});
