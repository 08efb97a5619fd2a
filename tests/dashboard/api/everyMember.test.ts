import { describe, expect, it } from 'vitest';
import { everyMember } from '../../../dashboard/api/everyMember.ts';
import { outcomes, schoolLevels } from '../../../dashboard/api/types.ts';

describe('everyMember', () => {
  it('everyMember gives back the list it was given', () => {
    expect(everyMember<'a' | 'b'>()(['b', 'a'])).toEqual(['b', 'a']);
  });

  it('everyMember refuses, at compile time, a list that leaves a member out', () => {
    // `npm test` type-checks this file: without the error below the directive itself fails.
    // @ts-expect-error 'c' is missing from the list
    expect(everyMember<'a' | 'b' | 'c'>()(['a', 'b'])).toHaveLength(2);
  });

  it("the dashboard's school levels and outcomes are the server's, in display order", () => {
    expect(schoolLevels).toEqual(['barneskole', 'ungdomsskole', 'kombinert']);
    expect(outcomes).toEqual(['resolved', 'referred_ppt', 'referred_other']);
  });
});
