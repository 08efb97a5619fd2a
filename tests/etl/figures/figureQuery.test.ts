import { describe, expect, it } from 'vitest';
import { FigureQuery } from '../../../etl/figures/figureQuery.ts';

const base = { from: '2024-08-01', to: '2025-07-31', asOf: '2025-08-01' };

describe('FigureQuery', () => {
  it.each([
    { input: base },
    { input: { ...base, from: '2024-08-01', to: '2024-08-01' } },
    { input: { ...base, school: 'S1', by: 'municipality' } },
    { input: { ...base, municipality: 'Sandnes', level: 'kombinert', allowedSchools: ['S1'] } },
    { input: { ...base, allowedSchools: null } },
    { input: { ...base, to: '2024-02-29' , from: '2024-02-01' } },
  ])('FigureQuery accepts $input', ({ input }) => {
    expect(FigureQuery.safeParse(input).success).toBe(true);
  });

  it.each([
    { input: { ...base, from: '01.08.2024' }, path: 'from' },
    { input: { ...base, to: '2025-02-31' }, path: 'to' },
    { input: { ...base, from: '2025-08-01', to: '2025-07-31' }, path: 'to' },
    { input: { ...base, asOf: undefined }, path: 'asOf' },
    { input: { ...base, level: 'vgs' }, path: 'level' },
    { input: { ...base, by: 'county' }, path: 'by' },
    { input: { ...base, school: '' }, path: 'school' },
  ])('FigureQuery rejects $input.$path', ({ input, path }) => {
    const result = FigureQuery.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});
