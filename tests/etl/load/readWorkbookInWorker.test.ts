/**
 * The worker thread that reads an .xlsx (etl/load/readWorkbookInWorker.ts): a workbook is read
 * there into the same sheets as before; a workbook that needs more heap than the worker may
 * have, or more time than it is given, is refused with a reason in bokmål, and the test
 * process (the importer's, the server's in production) goes on unharmed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbookInWorker } from '../../../etl/load/readWorkbookInWorker.ts';
import { defaultXlsxLimits, type XlsxLimits } from '../../../etl/read/xlsx/xlsxLimits.ts';
import { makeTempDir, removeTempDirs } from '../../helpers/tempDir.ts';
import { buildXlsx } from '../../helpers/xlsxWorkbook.ts';

let dir: string;
let manyStringsPath: string;
beforeAll(() => {
  dir = makeTempDir('rt-xlsx-worker-');
  manyStringsPath = manyStrings();
});
afterAll(removeTempDirs);

const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>skole_id</t></is></c><c r="B1" t="inlineStr"><is><t>skolenavn</t></is></c><c r="C1" t="inlineStr"><is><t>kommune</t></is></c></row>';
/** Enough for the worker and a small workbook (the first test), not for a million strings. */
const smallHeapMb = 24;
const limits = (overrides: Partial<XlsxLimits>): XlsxLimits => ({ ...defaultXlsxLimits, ...overrides });

/** A million distinct shared strings (about 20 MB of XML, a few MB zipped): within every size limit, not within a small heap. */
function manyStrings(): string {
  const path = join(dir, 'mange-tekster.xlsx');
  const strings = Array.from({ length: 1_000_000 }, (_, i) => `<si><t>t${i}</t></si>`).join('');
  const sst = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings}</sst>`;
  writeFileSync(path, buildXlsx({ sheets: [{ name: 'Skoler', rows: header }], parts: { 'xl/sharedStrings.xml': sst } }));
  return path;
}

describe('reading a workbook in a worker thread', () => {
  it('writes each sheet with a kind as CSV and answers with its header names and rows, within the small heap of the next test', async () => {
    const path = join(dir, 'skoler.xlsx');
    const row = '<row r="3"><c r="A3" t="inlineStr"><is><t>S1</t></is></c><c r="B3" t="inlineStr"><is><t>Ås skole</t></is></c><c r="C3" t="inlineStr"><is><t>Ås</t></is></c></row>';
    writeFileSync(path, buildXlsx({ sheets: [{ name: 'Skoler', rows: header + row }, { name: 'Notater', rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>hva</t></is></c></row>' }] }));
    const outcome = await readWorkbookInWorker(path, dir, 0, undefined, limits({ workerMemoryMb: smallHeapMb }));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.workbook.sheets).toEqual([{ name: 'Skoler', names: ['skole_id', 'skolenavn', 'kommune'], utf8Path: join(dir, 'file-0-sheet-0.csv'), rowOfLine: [1, 3] }]);
    expect(readFileSync(join(dir, 'file-0-sheet-0.csv'), 'utf8')).toBe('"skole_id","skolenavn","kommune"\n"S1","Ås skole","Ås"\n');
    expect(outcome.workbook.skipped.map((s) => s.sheet)).toEqual(['Notater']);
  });

  it('refuses a workbook whose shared strings need more heap than the worker has, and the caller lives on', async () => {
    const outcome = await readWorkbookInWorker(manyStringsPath, dir, 1, undefined, limits({ workerMemoryMb: smallHeapMb }));
    expect(outcome).toEqual({ ok: false, reason: 'arbeidsboken trenger mer enn 24 MB minne for å leses og ble stoppet; del den opp eller lagre arkene som CSV' });
    // The same file with the default heap is read to its end (its one sheet has a header only).
    const whole = await readWorkbookInWorker(manyStringsPath, dir, 2, undefined, defaultXlsxLimits);
    expect(whole.ok).toBe(true);
  }, 60_000);

  it('stops a worker that reads longer than its time limit and refuses the file', async () => {
    const started = performance.now();
    const outcome = await readWorkbookInWorker(manyStringsPath, dir, 3, undefined, limits({ workerSeconds: 0.5 }));
    expect(outcome).toEqual({ ok: false, reason: 'lesingen av arbeidsboken tok mer enn 0.5 sekunder og ble stoppet; del den opp eller lagre arkene som CSV' });
    expect(performance.now() - started).toBeLessThan(10_000);
  }, 60_000);
});
