/**
 * Builds an .xlsx file in a test from hand-written XML, zipped with fflate: the workbook,
 * its relationships and content types are the minimum Excel writes, and each sheet's
 * `<sheetData>` is given as written, so what a test expects is read off the XML it wrote,
 * never from the reader under test.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

export interface TestSheet {
  readonly name: string;
  readonly state?: 'hidden' | 'veryHidden';
  /** The rows, as `<row>` elements (the inside of `<sheetData>`). */
  readonly rows: string;
  /** Anything after `</sheetData>`, such as `<mergeCells>`. */
  readonly after?: string;
}

export interface TestWorkbook {
  readonly sheets: readonly TestSheet[];
  /** The shared strings, in order (cell type `s` holds an index). */
  readonly sharedStrings?: readonly string[];
  readonly date1904?: boolean;
  /** Extra or replaced parts, by path. */
  readonly parts?: Readonly<Record<string, string | Uint8Array>>;
}

const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const escape = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

export function workbookParts(book: TestWorkbook): Zippable {
  const parts: Zippable = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        book.sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        `</Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${ns}" xmlns:r="${rel}">` +
        (book.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>') +
        `<sheets>${book.sheets.map((s, i) => `<sheet name="${escape(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        book.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rId${book.sheets.length + 1}" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    'xl/sharedStrings.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="${ns}" count="${book.sharedStrings?.length ?? 0}" uniqueCount="${book.sharedStrings?.length ?? 0}">` +
        (book.sharedStrings ?? []).map((s) => `<si><t xml:space="preserve">${escape(s)}</t></si>`).join('') +
        `</sst>`,
    ),
  };
  book.sheets.forEach((s, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${ns}" xmlns:r="${rel}"><sheetData>${s.rows}</sheetData>${s.after ?? ''}</worksheet>`,
    );
  });
  for (const [path, content] of Object.entries(book.parts ?? {})) parts[path] = typeof content === 'string' ? strToU8(content) : content;
  return parts;
}

export function buildXlsx(book: TestWorkbook): Uint8Array {
  return zipSync(workbookParts(book), { level: 6 });
}
