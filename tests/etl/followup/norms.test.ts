/** readNorms and writeNorms on a real in-memory database: defaults, a stored change, the schema's bounds. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../etl/db/openDatabase.ts';
import { Norms, readNorms, writeNorms } from '../../../etl/followup/norms.ts';
import { fixtureDatabase } from '../figures/figureFixture.ts';

let db: Database;
beforeAll(async () => {
  db = await fixtureDatabase();
});
afterAll(() => db.close());

describe('norms', () => {
  it("a municipality nobody has changed has the guides' defaults: weekly, TGL twice", async () => {
    expect(await readNorms(db.connection, ['Sandnes'])).toEqual([
      { municipality: 'Sandnes', meeting_interval_days: 7, tgl_meetings_per_school_year: 2, is_default: true, updated_at: null, updated_by: null },
    ]);
  });

  it('a change is stored for that municipality only, and a second change replaces it', async () => {
    await writeNorms(db.connection, 'Hustadvika', { meeting_interval_days: 14, tgl_meetings_per_school_year: 3 }, 'kommune', new Date('2025-09-01T10:00:00Z'));
    await writeNorms(db.connection, 'Hustadvika', { meeting_interval_days: 14, tgl_meetings_per_school_year: 2 }, 'admin', new Date('2025-09-02T11:30:00Z'));
    expect(await readNorms(db.connection, ['Hustadvika', 'Bærum'])).toEqual([
      { municipality: 'Hustadvika', meeting_interval_days: 14, tgl_meetings_per_school_year: 2, is_default: false, updated_at: '2025-09-02T11:30:00Z', updated_by: 'admin' },
      { municipality: 'Bærum', meeting_interval_days: 7, tgl_meetings_per_school_year: 2, is_default: true, updated_at: null, updated_by: null },
    ]);
  });

  it.each([
    [{ meeting_interval_days: 0, tgl_meetings_per_school_year: 2 }, false],
    [{ meeting_interval_days: 7.5, tgl_meetings_per_school_year: 2 }, false],
    [{ meeting_interval_days: 7, tgl_meetings_per_school_year: -1 }, false],
    [{ meeting_interval_days: 7, tgl_meetings_per_school_year: 2, extra: 1 }, false],
    [{ meeting_interval_days: '7', tgl_meetings_per_school_year: 2 }, false],
    [{ meeting_interval_days: 92, tgl_meetings_per_school_year: 0 }, true],
  ])('Norms accepts %j: %s', (input, ok) => {
    expect(Norms.safeParse(input).success).toBe(ok);
  });
});
