/**
 * The workbook mutations of the fuzz run (scripts/fuzz/mutateWorkbook.ts), each imported once
 * with a valid file in the same batch: the valid .xlsx of an export loads as its CSV does, and
 * each corrupt or oversized workbook is refused with its own reason in bokmål (written here by
 * hand), the valid file of the batch not loaded either.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../etl/db/openDatabase.ts';
import { importBatch } from '../../etl/load/importBatch.ts';
import { ImportError } from '../../etl/load/importReport.ts';
import { seededRandom } from '../../scripts/fuzz/mutateExport.ts';
import { fuzzXlsxLimits, workbookMutationNames, workbookMutations } from '../../scripts/fuzz/mutateWorkbook.ts';
import { workbookFromCsv } from '../../scripts/fuzz/workbookFromCsv.ts';
import { exampleExportsDir } from '../helpers/exampleExports.ts';
import { countRows, openTestDatabase, queryRows } from '../helpers/testDatabase.ts';
import { makeTempDir, removeTempDirs } from '../helpers/tempDir.ts';
import { testPseudonymKey } from '../helpers/testKey.ts';

const key = testPseudonymKey();
const schools = readFileSync(join(exampleExportsDir, 'skoler.csv'));
let db: Database;
let dir: string;
beforeAll(async () => {
  dir = makeTempDir('rt-fuzz-xlsx-');
  db = await openTestDatabase();
});
afterAll(() => {
  db.close();
  removeTempDirs();
});

/** The mutation's workbook imported with a one-school file; the error's reason, or null for a report. */
async function importMutated(name: string, seed: number): Promise<string | null> {
  const mutated = join(dir, `${name}-${seed}.xlsx`);
  const valid = join(dir, `${name}-${seed}.csv`);
  writeFileSync(mutated, workbookMutations[name]!(schools, seededRandom(seed)));
  writeFileSync(valid, `skole_id;skolenavn;kommune\nV-${name}-${seed};Fuzz skole;Fuzzby\n`);
  try {
    await importBatch(db.connection, [valid, mutated], { key, xlsxLimits: fuzzXlsxLimits });
    expect(await queryRows(db.connection, 'SELECT school_id FROM schools WHERE school_id = $id', { id: `V-${name}-${seed}` })).toHaveLength(1);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    expect(await queryRows(db.connection, 'SELECT school_id FROM schools WHERE school_id = $id', { id: `V-${name}-${seed}` })).toHaveLength(0);
    return (error as Error).message.slice(mutated.length + 2);
  }
}

describe('the fuzz run’s workbook mutations', () => {
  it('an export saved as a workbook loads the rows its CSV loads', async () => {
    const path = join(dir, 'skoler.xlsx');
    writeFileSync(path, workbookFromCsv(schools));
    const report = await importBatch(db.connection, [path], { key });
    // tests/fixtures/exports/skoler.csv: four schools, all valid.
    expect(report.files.map((f) => [f.kind, f.read, f.rejected])).toEqual([['schools', 4, 0]]);
    expect(await countRows(db.connection, 'schools')).toBe(4);
  });

  it('are all of: truncated zip, bad central directory, bad XML, rows over the limit, huge cell, bomb, a CSV mutation', () => {
    expect(workbookMutationNames).toEqual(['truncatedZip', 'badCentralDirectory', 'badXml', 'rowsOverLimit', 'hugeCell', 'bomb', 'csvMutationAsWorkbook']);
  });

  it('a truncated zip and a damaged central directory are refused as not a readable workbook', async () => {
    for (const seed of [1, 2, 3]) {
      expect(await importMutated('truncatedZip', seed)).toMatch(/^filen er (ikke en gyldig \.xlsx-fil|avkuttet|skadet)/);
      expect(await importMutated('badCentralDirectory', seed)).toMatch(/^(filen er (ikke en gyldig \.xlsx-fil|avkuttet|skadet)|filen har \d+ deler|filen bruker|ingen ark|filen er ikke en Excel-arbeidsbok)/);
    }
  }, 120_000);

  it('a part that is not well-formed XML is refused, or read when the damage left it well-formed', async () => {
    for (const seed of [1, 2, 3, 4]) {
      const reason = await importMutated('badXml', seed);
      if (reason !== null) expect(reason).toMatch(/ikke gyldig XML|ingen ark i arbeidsboken|filen er ikke en Excel-arbeidsbok|arket finnes ikke/);
    }
  }, 120_000);

  it('rows over the limit, a cell past the markup cap and a bomb are refused by their limits', async () => {
    expect(await importMutated('rowsOverLimit', 1)).toBe('arket «Ark1» har mer enn 2 000 rader med innhold; del det opp');
    // Seed 2 draws the 2,000,000-character cell (the first draw of mulberry32(2) × 3 is 2).
    const huge = await importMutated('hugeCell', 2);
    expect(huge).toBe('arket «Ark1» har en tekst eller et element som er lengre enn 1 MB; det er ikke en vanlig Excel-fil');
    expect(await importMutated('bomb', 1)).toBe('filen pakkes ut til mer enn 8 MB (en «zip-bombe» eller et altfor stort regneark) og leses ikke inn; del den opp eller lagre arkene som CSV');
  }, 120_000);
});
