/** assignLanes and dayIndex, with hand-worked cases. */
import { describe, expect, it } from 'vitest';
import { assignLanes, dayIndex } from '../../dashboard/data/wheelLanes.ts';

describe('assignLanes', () => {
  it.each([
    { days: [], gap: 3, lanes: [], count: 1 },
    { days: [10], gap: 3, lanes: [0], count: 1 },
    { days: [0, 7, 14], gap: 3.5, lanes: [0, 0, 0], count: 1 }, // weekly: never overlap
    { days: [5, 5], gap: 3.5, lanes: [0, 1], count: 2 }, // the same day
    { days: [0, 3], gap: 3, lanes: [0, 0], count: 1 }, // exactly the gap apart: no overlap
    { days: [0, 3, 4], gap: 3.5, lanes: [0, 1, 0], count: 2 }, // 4 is 4 days from 0: lane 0 is free again
    { days: [9, 0, 1, 2], gap: 3.5, lanes: [0, 0, 1, 2], count: 3 }, // in date order, whatever the input order
  ])('$days with gap $gap → $lanes', ({ days, gap, lanes, count }) => {
    expect(assignLanes(days, gap)).toEqual({ lanes, count });
  });
});

describe('dayIndex', () => {
  it('counts whole days across a daylight-saving change and a leap day', () => {
    expect(dayIndex('2025-08-01', '2025-08-01')).toBe(0);
    expect(dayIndex('2025-08-01', '2025-10-27')).toBe(87); // 31 − 1 + 30 + 26 + 1
    expect(dayIndex('2023-08-01', '2024-07-31')).toBe(365); // 2024 has 29 February
  });
});
