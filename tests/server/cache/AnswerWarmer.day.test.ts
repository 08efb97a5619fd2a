/**
 * The answer warmer on a new day (server/cache/AnswerWarmer.ts), in the real app on the sample
 * data with a clock the test moves: the running school year is read as of today, so a new day
 * starts a pass with the data unchanged, and the running year's figures are kept as of the
 * new day (read back with the test's own SQL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerWarmer } from '../../../server/cache/AnswerWarmer.ts';
import { startSampleApp, type SampleApp } from '../../helpers/sampleApp.ts';

const warmer = new AnswerWarmer(20);
let day = '2026-03-15';
let app: SampleApp;

async function keptAsOf(): Promise<unknown[][]> {
  const reader = await app.db.connection.runAndReadAll(
    `SELECT DISTINCT school_year, strftime(as_of, '%Y-%m-%d') FROM figure_facts.year_figures ORDER BY 1`,
  );
  return reader.getRows();
}

beforeAll(async () => {
  app = await startSampleApp({ warmer, today: () => day });
  await warmer.settled();
}, 120_000);
afterAll(async () => {
  await warmer.stop();
  await app.close();
});

describe('AnswerWarmer on a new day', () => {
  it('keeps the running school year as of today and the ended one as of its last day', async () => {
    expect(warmer.passes).toHaveLength(1);
    expect(warmer.keptYears).toEqual([[2025, 2024]]);
    expect(await keptAsOf()).toEqual([[2024, '2025-07-31'], [2025, '2026-03-15']]);
  });

  it('warms again when the day changes, with the same data, and keeps the running year as of the new day', async () => {
    day = '2026-03-16';
    await new Promise((resolve) => setTimeout(resolve, 200));
    await warmer.settled();
    expect(warmer.passes).toHaveLength(2);
    expect(warmer.passes[1]!.version).toBe(warmer.passes[0]!.version);
    expect(await keptAsOf()).toEqual([[2024, '2025-07-31'], [2025, '2026-03-16']]);
  });
});
