/** Reads what can be known of a file before touching the database: encoding, dialect, kind. */
import type { KindName } from '../contract/types.ts';
import { redactMessage } from '../log/redactMessage.ts';
import { decodeFile, NotTextError, type DecodedFile } from '../read/decodeFile.ts';
import { detectKind, type HeaderMapping } from '../read/detectKind.ts';
import { sniffHeader, type Delimiter } from '../read/sniffHeader.ts';
import { containsNationalIdentityNumber } from './fnrSql.ts';
import { containsPersonnummer } from './personnummerSql.ts';
import { ImportError } from './importReport.ts';

export interface PreparedFile {
  readonly file: string;
  readonly decoded: DecodedFile;
  readonly delimiter: Delimiter;
  readonly mapping: HeaderMapping;
  /** Physical line of the header row: 1, unless the file starts with blank lines. */
  readonly headerLine: number;
  /** Set for a sheet of an .xlsx workbook: the CSV written from it maps back to the sheet's rows and columns. */
  readonly sheet?: SheetOrigin;
}

export interface SheetOrigin {
  /** The sheet's name as the report shows it. */
  readonly name: string;
  /** The spreadsheet row of each physical line of the written CSV (index 0 = line 1). */
  readonly rowOfLine: readonly number[];
}

/**
 * The widest file read. Every column costs SQL text and a field per row; the contract's
 * widest kind has 16 columns, an Excel sheet can have 16,384. 1,000 leaves room for any real
 * export with its extra columns while keeping a hostile header's cost bounded.
 */
export const maxColumns = 1_000;

const thousands = (n: number) => n.toLocaleString('nb-NO').replace(/\s/g, ' ');

export function tooWide(columns: number, cut: boolean): string {
  if (cut && columns <= maxColumns) return 'overskriftsraden er lengre enn 64 kB og kan ikke leses (er en overskrift eller et felt i den altfor langt?)';
  const count = cut ? `mer enn ${thousands(columns)}` : thousands(columns);
  return `filen har ${count} kolonner i overskriftsraden; høyst ${thousands(maxColumns)} kan leses inn. Fjern kolonnene som ikke hører til datakontrakten og prøv igjen`;
}

/** Blank lines before the header are skipped by the sniffer, so the reader must skip them too. */
function headerLineOf(head: string): number {
  const leading = /^(?:\r\n|\r|\n)*/.exec(head)![0];
  return 1 + (leading.match(/\r\n|\r|\n/g)?.length ?? 0);
}

export async function prepareFile(file: string, tempDir: string, index: number, kind?: KindName): Promise<PreparedFile> {
  let decoded: DecodedFile;
  try {
    decoded = await decodeFile(file, tempDir, `file-${index}.csv`);
  } catch (error) {
    if (error instanceof NotTextError) throw new ImportError(error.message, file);
    // The file system's reason, without values: the file is named in front already.
    throw new ImportError(`filen kan ikke leses (${redactMessage((error as Error).message)})`, file);
  }
  if (decoded.head.trim() === '') throw new ImportError('filen er tom (mangler overskriftsrad)', file);
  // The head holds the first 64 KiB: a header without a line break in it is cut off there.
  const cut = !/[\r\n]/.test(decoded.head.trimStart()) && decoded.head.length >= 60_000;
  const header = sniffHeader(decoded.head);
  if (header && (cut || header.names.length > maxColumns)) throw new ImportError(tooWide(header.names.length, cut), file);
  if (!header) throw new ImportError('fant ikke skilletegn (komma, semikolon eller tabulator) i overskriftsraden', file);
  const detection = detectKind(header.names, kind);
  if (!detection.ok) throw new ImportError(detection.reason, file);
  return { file, decoded, delimiter: header.delimiter, mapping: withoutIdentityNumbers(detection.mapping), headerLine: headerLineOf(decoded.head) };
}

/**
 * Header names reach the report (ignored columns, the column of a rejection). One holding a
 * national identity number (a data row taken for the header, a column named after a pupil)
 * is shown by its position instead.
 */
export function withoutIdentityNumbers(mapping: HeaderMapping): HeaderMapping {
  const holdsNumber = (name: string) => containsNationalIdentityNumber(name) || containsPersonnummer(name);
  const shown = (name: string, i: number) => (holdsNumber(name) ? `kolonne ${i + 1}` : name);
  if (!mapping.headerNames.some(holdsNumber)) return mapping;
  const mapped = new Set(mapping.positions.values());
  const ignoredColumns = mapping.headerNames.flatMap((name, i) => (mapped.has(i) || name.trim() === '' ? [] : [shown(name.trim(), i)]));
  return { ...mapping, headerNames: mapping.headerNames.map(shown), ignoredColumns };
}
