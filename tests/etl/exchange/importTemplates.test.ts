/**
 * The templates of the import page: each is Norwegian Excel CSV, its header is recognised as
 * its kind by the browser's sniffing (the server's rules), and all of them imported together
 * load every example row with 0 rejections. Counts of example rows written by hand.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kinds } from '../../../etl/contract/index.ts';
import type { KindName } from '../../../etl/contract/types.ts';
import { allowedValuesCsv, templateCsv } from '../../../etl/exchange/importTemplates.ts';
import { importBatch } from '../../../etl/load/importBatch.ts';
import { sniffFileHead } from '../../../etl/read/sniffFileHead.ts';
import { makeTempDir, removeTempDirs } from '../../helpers/tempDir.ts';
import { countRows, openTestDatabase } from '../../helpers/testDatabase.ts';
import { testPseudonymKey } from '../../helpers/testKey.ts';

afterAll(removeTempDirs);

const exampleRows: Record<KindName, number> = {
  schools: 2,
  competence_efforts: 1,
  meetings: 2,
  cases: 2,
  discussions: 2,
  measures: 2,
  yearwheel: 2,
  competence_participation: 1,
  deviations: 1,
};

describe('import templates', () => {
  it.each(kinds.map((k) => k.kind))('the %s template is Norwegian Excel CSV and sniffed as its kind', (kind) => {
    const text = templateCsv(kind);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    const sniff = sniffFileHead(new TextEncoder().encode(text));
    expect(sniff).toMatchObject({ ok: true, kind, delimiter: ';', encoding: 'utf-8-bom', ignoredColumns: [] });
  });

  it('every template imported in one batch loads each example row and rejects none', async () => {
    const dir = makeTempDir();
    const paths = kinds.map((k) => {
      const path = join(dir, `mal-${k.kind}.csv`);
      writeFileSync(path, templateCsv(k.kind));
      return path;
    });
    const db = await openTestDatabase();
    try {
      const report = await importBatch(db.connection, paths, { key: testPseudonymKey() });
      expect(report.rejections).toEqual([]);
      for (const f of report.files) {
        expect([f.kind, f.read, f.inserted, f.rejected]).toEqual([f.kind, exampleRows[f.kind], exampleRows[f.kind], 0]);
        expect(await countRows(db.connection, f.kind)).toBe(exampleRows[f.kind]);
      }
      expect(report.files).toHaveLength(9);
    } finally {
      db.close();
    }
  });

  it('lists the allowed values of a vocabulary column with its Norwegian aliases', () => {
    const lines = allowedValuesCsv('meetings').slice(1).split('\r\n');
    expect(lines[0]).toBe('Kolonne;Påkrevd;Type;Tillatte verdier');
    expect(lines).toContain('status;nei;én verdi fra listen (tom: held);"held (også gjennomfort, genomfort); cancelled (også avlyst, installt)"');
    expect(lines).toContain('dato;ja;dato (DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD);');
  });
});
