/**
 * followUpFigures computes the 4b keys from their own families only (someFiguresSql). Each
 * value must equal what the full key figure query (computeFigures, whose 4b values the
 * hand-counted tests of followUp.test.ts pin) gives, for every school, every municipality and
 * all schools of the sample data over two periods, and on the hand-made 4b fixture.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { computeFigures, computeFiguresBy } from '../../../etl/figures/computeFigures.ts';
import type { FigureQuery } from '../../../etl/figures/figureQuery.ts';
import { followUpKeys, type FollowUpKey } from '../../../etl/figures/figureKeys.ts';
import { followUpFigures } from '../../../etl/followup/followUp.ts';
import { useReadOnlySample } from '../../helpers/readOnlySample.ts';
import { fixtureDatabase } from '../figures/figureFixture.ts';
import { followUpQuery, insertFollowUpFixture } from './followUpFixture.ts';

async function fullQueryValues(conn: DuckDBConnection, q: FigureQuery): Promise<Record<string, number | null>> {
  const row = await computeFigures(conn, q);
  return Object.fromEntries(followUpKeys.map((k) => [k, row[k]]));
}

const periods: readonly FigureQuery[] = [
  { from: '2024-08-01', to: '2025-07-31', asOf: '2025-08-01' },
  { from: '2025-08-01', to: '2026-07-31', asOf: '2026-03-15' },
  { from: '2024-11-01', to: '2024-11-30', asOf: '2024-11-20' },
];

describe('the 4b figures from their own families equal the full key figure query', () => {
  const sample = useReadOnlySample('rt-4b-', 60_000);

  it('for every school, every municipality and all schools of the sample data', async () => {
    const pick = (row: Readonly<Record<FollowUpKey, number | null>>) => Object.fromEntries(followUpKeys.map((k) => [k, row[k]]));
    let nonZero = 0;
    for (const period of periods) {
      // The full query once per breakdown (it is the slow one), the 4b query per scope.
      const expected: Array<[Partial<FigureQuery>, Record<string, unknown>]> = [
        [{}, await fullQueryValues(sample.conn, period)],
        ...(await computeFiguresBy(sample.conn, period, 'school')).map((r): [Partial<FigureQuery>, Record<string, unknown>] => [{ school: r.school_id }, pick(r)]),
        ...(await computeFiguresBy(sample.conn, period, 'municipality')).map((r): [Partial<FigureQuery>, Record<string, unknown>] => [{ municipality: r.municipality }, pick(r)]),
      ];
      expect(expected.length).toBeGreaterThan(20);
      for (const [scope, values] of expected) {
        const q = { ...period, ...scope };
        const got = await followUpFigures(sample.conn, q);
        expect(got, JSON.stringify(q)).toEqual(values);
        nonZero += Object.values(got).filter((v) => v !== null && v !== 0).length;
      }
    }
    expect(nonZero).toBeGreaterThan(200);
  }, 300_000);

  it('on the hand-made 4b fixture, whole, per school and with allowed schools', async () => {
    const db = await fixtureDatabase();
    try {
      await insertFollowUpFixture(db.connection);
      for (const scope of [{}, { school: 'S1' }, { school: 'G1' }, { municipality: 'Sandnes', allowedSchools: ['S2', 'G1'] }, { allowedSchools: [] }]) {
        const q = followUpQuery(scope);
        expect(await followUpFigures(db.connection, q)).toEqual(await fullQueryValues(db.connection, q));
      }
    } finally {
      db.close();
    }
  });
});
