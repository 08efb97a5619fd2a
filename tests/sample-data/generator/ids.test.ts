import { describe, expect, it } from 'vitest';
import { orgCheckDigit, schoolId } from '../../../sample-data/generator/ids.ts';

describe('schoolId', () => {
  it.each([
    [1, 1],
    [3, 4],
    [350, 131],
    [999, 999],
  ])('schoolId(%i, %i) is nine digits from 99 with a wrong MOD11 check digit', (m, s) => {
    const id = schoolId(m, s);
    expect(id).toMatch(/^99\d{7}$/);
    expect(orgCheckDigit(id.slice(0, 8))).not.toBe(Number(id[8]));
  });

  it("orgCheckDigit('97476067') is 3 (weighted sum 173, 11 − 173 mod 11)", () => {
    expect(orgCheckDigit('97476067')).toBe(3);
  });

  it('schoolId(1000, 1) is an error', () => {
    expect(() => schoolId(1000, 1)).toThrow(/exceeds 999/);
  });
});
