/**
 * The individual-case bases a family counts (individualCasesBase), computed together with
 * the union `individual_cases` (etl/figures/definitions/figureFamilies.ts): each equals an
 * independent count of distinct cases written here from the contract tables, for every
 * school and municipality, as a scope total and in both breakdowns, for a whole school year
 * and for a period of partial months; and no family's count exceeds the union.
 */
import { describe, expect, it } from 'vitest';
import { computeFigures, computeFiguresBy } from '../../../../etl/figures/index.ts';
import { useReadOnlySample } from '../../../helpers/readOnlySample.ts';

const sample = useReadOnlySample('rt-case-bases-', 60_000);

interface Period {
  readonly from: string;
  readonly to: string;
  readonly asOf: string;
}

const periods: readonly Period[] = [
  { from: '2025-08-01', to: '2026-07-31', asOf: '2026-03-15' },
  { from: '2025-09-10', to: '2026-01-20', asOf: '2026-03-15' },
];

type Bases = Record<'discussed' | 'measures' | 'due', number>;

/** Distinct individual-part cases per group, straight from the contract tables. */
async function reference(grouping: 'school_id' | 'municipality', p: Period): Promise<Map<string, Bases>> {
  const between = (c: string) => `${c} BETWEEN DATE '${p.from}' AND DATE '${p.to}'`;
  const part = `c.kind IN ('individual', 'anonymous')`;
  const reader = await sample.conn.runAndReadAll(`
    SELECT s.${grouping} AS g,
      (SELECT count(DISTINCT d.case_id) FROM discussions d JOIN meetings m ON m.meeting_id = d.meeting_id
         JOIN cases c ON c.case_id = d.case_id JOIN schools s2 ON s2.school_id = m.school_id
       WHERE s2.${grouping} = s.${grouping} AND (m.status IS NULL OR m.status = 'held') AND ${part} AND ${between('m.date')}) AS discussed,
      (SELECT count(DISTINCT me.case_id) FROM measures me JOIN cases c ON c.case_id = me.case_id JOIN schools s2 ON s2.school_id = c.school_id
       WHERE s2.${grouping} = s.${grouping} AND ${part} AND ${between('me.started_date')}) AS measures,
      (SELECT count(DISTINCT me.case_id) FROM measures me JOIN cases c ON c.case_id = me.case_id JOIN schools s2 ON s2.school_id = c.school_id
       WHERE s2.${grouping} = s.${grouping} AND ${part} AND ${between('me.evaluation_due_date')}
         AND me.evaluation_due_date <= DATE '${p.asOf}') AS due
    FROM (SELECT DISTINCT ${grouping} FROM schools) s`);
  return new Map(
    reader.getRowObjectsJS().map((r) => [String(r.g), { discussed: Number(r.discussed), measures: Number(r.measures), due: Number(r.due) }]),
  );
}

interface WithBases {
  readonly n: Readonly<Record<string, number | null>>;
}

const basesOf = (row: WithBases): Bases => ({
  discussed: row.n.individual_cases_discussed!,
  measures: row.n.individual_cases_with_measures!,
  due: row.n.individual_cases_with_evaluations_due!,
});

describe('each family counts its individual-part cases once', () => {
  for (const p of periods) {
    it(`${p.from}..${p.to}: every school and municipality, as a scope and in the breakdowns`, async () => {
      for (const grouping of ['school_id', 'municipality'] as const) {
        const expected = await reference(grouping, p);
        const scoped = new Map<string, Bases>();
        for (const g of expected.keys()) {
          const scope = grouping === 'school_id' ? { school: g } : { municipality: g };
          const row = (await computeFigures(sample.conn, { ...p, ...scope, allowedSchools: null })) as unknown as WithBases;
          scoped.set(g, basesOf(row));
          const union = row.n.individual_cases!;
          expect(Math.max(...Object.values(basesOf(row)))).toBeLessThanOrEqual(union);
        }
        expect(scoped).toEqual(expected);
        const by = grouping === 'school_id' ? 'school' : 'municipality';
        const rows = await computeFiguresBy(sample.conn, { ...p, allowedSchools: null }, by);
        const broken = new Map(rows.map((r) => [String(by === 'school' ? (r as { school_id: string }).school_id : r.municipality), basesOf(r as unknown as WithBases)]));
        expect(broken).toEqual(expected);
      }
      // Not vacuous: the sample has such cases in most schools.
      const all = await reference('school_id', p);
      expect([...all.values()].filter((b) => b.discussed > 0 && b.measures > 0 && b.due > 0).length).toBeGreaterThan(10);
    }, 60_000);
  }
});
