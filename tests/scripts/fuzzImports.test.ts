/**
 * A fixed small subset of the fuzz run (`npm run fuzz` does 10,000 files in-process and 300
 * over HTTP): seeded mutations of the example exports, no crash, every file a report or a
 * refusal with a reason, the valid file of each batch fully loaded or not at all.
 */
import { describe, expect, it } from 'vitest';
import { fuzzHttp, fuzzInProcess } from '../../scripts/fuzz/fuzzImports.ts';
import { mutateExport, mutationNames, seededRandom } from '../../scripts/fuzz/mutateExport.ts';

describe('fuzzing the importer', () => {
  it('mutates the same way for the same seed, and every mutation is used within 50 files', () => {
    const bytes = Buffer.from('skole_id;skolenavn;kommune\n980000001;Lyngheia skole;Fjellbygd\n');
    const run = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 50 }, () => mutateExport(bytes, random));
    };
    const a = run(7);
    expect(a.map((m) => m.bytes.toString('base64'))).toEqual(run(7).map((m) => m.bytes.toString('base64')));
    expect(new Set(a.flatMap((m) => m.applied))).toEqual(new Set(mutationNames));
  });

  it('gets a report or a reason for 50 mutated files in-process, never a crash or a half batch', async () => {
    const result = await fuzzInProcess(2026, 50);
    expect(result.problems).toEqual([]);
    expect(result.files).toBe(50);
    expect(result.reports + result.refusedWithReason).toBe(50);
    expect(result.reports).toBeGreaterThan(0);
    expect(result.refusedWithReason).toBeGreaterThan(0);
  }, 300_000);

  it('answers 10 mutated uploads with a report or a 422 reason', async () => {
    const result = await fuzzHttp(2027, 10);
    expect(result.problems).toEqual([]);
    expect(result.reports + result.refusedWithReason).toBe(10);
  }, 120_000);
});
