import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportError } from '../../../etl/load/importReport.ts';
import { listInputFiles } from '../../../etl/load/listInputFiles.ts';

const dir = mkdtempSync(join(tmpdir(), 'rt-list-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
for (const name of ['b.csv', 'a.tsv', 'notes.md', 'c.TXT']) writeFileSync(join(dir, name), 'x,y\n');

describe('listInputFiles', () => {
  it('a folder contributes its CSV, TSV and TXT files in name order', () => {
    expect(listInputFiles([dir]).map((f) => f.slice(dir.length + 1))).toEqual(['a.tsv', 'b.csv', 'c.TXT']);
  });

  it('the same file named twice (alone and inside its folder) is listed once', () => {
    expect(listInputFiles([join(dir, 'b.csv'), dir])).toHaveLength(3);
  });

  it('a missing path is an ImportError naming it', () => {
    expect(() => listInputFiles([join(dir, 'nope.csv')])).toThrow(ImportError);
    expect(() => listInputFiles([join(dir, 'nope.csv')])).toThrow(/nope\.csv: filen eller mappen finnes ikke/);
  });
});
