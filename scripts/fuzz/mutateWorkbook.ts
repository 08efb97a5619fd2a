/**
 * Seeded mutations of a valid export saved as .xlsx (workbookFromCsv.ts), the shapes a broken
 * or hostile workbook takes: a truncated zip, a damaged central directory, a sheet that is not
 * well-formed XML, a sheet over the row limit, a huge cell, a zip bomb — and a valid workbook
 * of a CSV mutation (mutateExport.ts), so that bad values reach the importer through Excel too.
 * The row limit and the bomb are sized against `fuzzXlsxLimits`: the fuzz run reads workbooks
 * within lowered limits, so that a refusal costs milliseconds, not the minutes of 1,048,576 rows.
 */
import { defaultXlsxLimits, type XlsxLimits } from '../../etl/read/xlsx/xlsxLimits.ts';
import { mutateExport, type Random } from './mutateExport.ts';
import { csvRows, sheetRowsXml, sheetXml, workbookParts, zipParts } from './workbookFromCsv.ts';

export const fuzzXlsxLimits: XlsxLimits = { ...defaultXlsxLimits, rowsPerSheet: 2_000, inflatedBytes: 8 << 20, workerSeconds: 60, workerMemoryMb: 256 };

const int = (random: Random, n: number) => Math.floor(random() * n);

const zipOf = (rows: string[][], extraRowsXml = '') => zipParts(workbookParts(sheetXml(sheetRowsXml(rows) + extraRowsXml)));

export const workbookMutations: Record<string, (csv: Buffer, random: Random) => Buffer> = {
  truncatedZip(csv, random) {
    const zip = zipOf(csvRows(csv));
    return zip.subarray(0, int(random, zip.length));
  },
  badCentralDirectory(csv, random) {
    const zip = Buffer.from(zipOf(csvRows(csv)));
    const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const directory = zip.readUInt32LE(end + 16);
    // A few random bytes in the directory, or the directory's offset pointed elsewhere.
    if (random() < 0.5) for (let k = 1 + int(random, 6); k > 0; k--) zip[directory + int(random, end - directory)] = int(random, 256);
    else zip.writeUInt32LE(int(random, zip.length), end + 16);
    return zip;
  },
  badXml(csv, random) {
    const parts = workbookParts(sheetXml(sheetRowsXml(csvRows(csv))));
    const path = ['xl/worksheets/sheet1.xml', 'xl/workbook.xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels'][int(random, 4)]!;
    const xml = parts[path]!;
    const at = int(random, xml.length);
    // A markup character inserted, or a stretch of the part cut out.
    parts[path] = random() < 0.5 ? xml.slice(0, at) + ['<', '>', '&', '</c>', '<!DOCTYPE x [<!ENTITY e "e">]>'][int(random, 5)] + xml.slice(at) : xml.slice(0, at) + xml.slice(at + 1 + int(random, 40));
    return zipParts(parts);
  },
  rowsOverLimit(csv, random) {
    const [header = [], ...data] = csvRows(csv);
    const rows = [header];
    while (rows.length <= fuzzXlsxLimits.rowsPerSheet + 1 + int(random, 10)) rows.push(...(data.length ? data : [header]));
    return zipOf(rows);
  },
  hugeCell(csv, random) {
    const rows = csvRows(csv);
    const size = [32_767, 200_000, 2_000_000][int(random, 3)]!;
    const row = rows[1 + int(random, Math.max(1, rows.length - 1))] ?? rows[0]!;
    row[int(random, row.length)] = (random() < 0.5 ? 'x' : '9').repeat(size);
    return zipOf(rows);
  },
  bomb(csv, random) {
    // Empty rows compress about a thousandfold: a few kilobytes that inflate past the limit.
    // One row number for all, so the inflation limit is passed before Excel's last row is.
    const empty = '<row r="1"/>';
    const count = Math.ceil(fuzzXlsxLimits.inflatedBytes / empty.length) + int(random, 1000);
    return zipOf(csvRows(csv), empty.repeat(count));
  },
  csvMutationAsWorkbook(csv, random) {
    return zipOf(csvRows(mutateExport(csv, random).bytes));
  },
};

export const workbookMutationNames = Object.keys(workbookMutations);

/** One workbook mutation chosen by the seed. */
export function mutateWorkbook(csv: Buffer, random: Random): { bytes: Buffer; applied: string[] } {
  const name = workbookMutationNames[int(random, workbookMutationNames.length)]!;
  return { bytes: workbookMutations[name]!(csv, random), applied: [`xlsx:${name}`] };
}
