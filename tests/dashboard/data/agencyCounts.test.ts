/** The deviations per agency as the page lists them, from the server's object or its JSON text. */
import { describe, expect, it } from 'vitest';
import { agencyCounts, parseAgencyCounts } from '../../../dashboard/data/deviations/agencyCounts.ts';

describe('agencyCounts', () => {
  it('parseAgencyCounts reads the Arrow JSON text and the JSON object alike; hidden or malformed is null', () => {
    expect(parseAgencyCounts('{"child_psychiatry":3,"school":7}')).toEqual({ child_psychiatry: 3, school: 7 });
    expect(parseAgencyCounts({ school: 2 })).toEqual({ school: 2 });
    expect(parseAgencyCounts('{}')).toEqual({});
    expect(parseAgencyCounts(null)).toBeNull();
    expect(parseAgencyCounts(undefined)).toBeNull();
    expect(parseAgencyCounts('not json')).toBeNull();
    expect(parseAgencyCounts('[1,2]')).toBeNull();
    expect(parseAgencyCounts({ school: 'two' })).toBeNull();
  });

  it('lists every agency of the contract in its order with 0 where none, then unknown codes alphabetically', () => {
    expect(agencyCounts({ other: 1, school: 7, child_psychiatry: 3, zeta: 1, alpha: 2 })).toEqual([
      { agency: 'school', count: 7 },
      { agency: 'social_services', count: 0 },
      { agency: 'child_psychiatry', count: 3 },
      { agency: 'child_medicine', count: 0 },
      { agency: 'habilitation', count: 0 },
      { agency: 'ppt', count: 0 },
      { agency: 'health', count: 0 },
      { agency: 'other', count: 1 },
      { agency: 'alpha', count: 2 },
      { agency: 'zeta', count: 1 },
    ]);
  });
});
