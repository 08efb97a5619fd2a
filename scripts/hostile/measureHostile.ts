/**
 * Measures the import of the hostile files of issue 13 (time and peak memory, each in a
 * process of its own): `npx tsx scripts/hostile/measureHostile.ts [rows] [extra columns...]`.
 * Defaults: the 455,899-row unknown-school cases file (50 MB) and headers with 1,000, 3,000
 * and 100,000 extra columns. Files and databases go to a private temporary folder, removed after.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extraColumnCases, unknownSchoolCases } from './hostileFiles.ts';

const [rowsArg, ...extraArgs] = process.argv.slice(2);
const rows = Number(rowsArg ?? 455_899);
const extras = extraArgs.length ? extraArgs.map(Number) : [1_000, 3_000, 100_000];
const dir = mkdtempSync(join(tmpdir(), 'rt-hostile-'));
try {
  const files = [await unknownSchoolCases(dir, rows), ...(await Promise.all(extras.map((n) => extraColumnCases(dir, n))))];
  for (const [i, file] of files.entries()) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'measureImport.ts'), join(dir, `db-${i}.duckdb`), file], {
      encoding: 'utf8',
      timeout: 900_000,
    });
    process.stdout.write(`${file.split('/').pop()} (${(statSync(file).size / 1e6).toFixed(1)} MB): ${out}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
