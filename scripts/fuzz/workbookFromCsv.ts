/**
 * A valid export as the .xlsx the school office would save it as: one sheet, every value an
 * inline string, the minimum parts Excel writes. The parts stay separate until zipped, so a
 * mutation (mutateWorkbook.ts) can break the XML of one part or the zip around them.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import Papa from 'papaparse';

const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const xmlText = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** `<row>` elements of the given rows, numbered from 1. */
export function sheetRowsXml(rows: readonly (readonly string[])[]): string {
  return rows.map((cells, r) => `<row r="${r + 1}">${cells.map((v) => (v === '' ? '' : `<c t="inlineStr"><is><t xml:space="preserve">${xmlText(v)}</t></is></c>`)).join('')}</row>`).join('');
}

export function sheetXml(rowsXml: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${ns}"><sheetData>${rowsXml}</sheetData></worksheet>`;
}

/** The CSV's rows (delimiter found by papaparse, a BOM dropped). */
export function csvRows(bytes: Buffer): string[][] {
  const parsed = Papa.parse<string[]>(bytes.toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  return parsed.data;
}

export function workbookParts(sheet: string): Record<string, string> {
  return {
    '[Content_Types].xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    '_rels/.rels':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': sheet,
  };
}

export function zipParts(parts: Record<string, string>): Buffer {
  const zippable: Zippable = {};
  for (const [path, text] of Object.entries(parts)) zippable[path] = strToU8(text);
  return Buffer.from(zipSync(zippable, { level: 6 }));
}

export function workbookFromCsv(bytes: Buffer): Buffer {
  return zipParts(workbookParts(sheetXml(sheetRowsXml(csvRows(bytes)))));
}
