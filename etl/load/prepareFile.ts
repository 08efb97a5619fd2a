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
}

/** Blank lines before the header are skipped by the sniffer, so the reader must skip them too. */
function headerLineOf(head: string): number {
  const leading = /^(?:\r\n|\r|\n)*/.exec(head)![0];
  return 1 + (leading.match(/\r\n|\r|\n/g)?.length ?? 0);
}

export function prepareFile(file: string, tempDir: string, index: number, kind?: KindName): PreparedFile {
  let decoded: DecodedFile;
  try {
    decoded = decodeFile(file, tempDir, `file-${index}.csv`);
  } catch (error) {
    if (error instanceof NotTextError) throw new ImportError(error.message, file);
    // The file system's reason, without values: the file is named in front already.
    throw new ImportError(`filen kan ikke leses (${redactMessage((error as Error).message)})`, file);
  }
  if (decoded.head.trim() === '') throw new ImportError('filen er tom (mangler overskriftsrad)', file);
  const header = sniffHeader(decoded.head);
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
function withoutIdentityNumbers(mapping: HeaderMapping): HeaderMapping {
  const holdsNumber = (name: string) => containsNationalIdentityNumber(name) || containsPersonnummer(name);
  const shown = (name: string, i: number) => (holdsNumber(name) ? `kolonne ${i + 1}` : name);
  if (!mapping.headerNames.some(holdsNumber)) return mapping;
  const mapped = new Set(mapping.positions.values());
  const ignoredColumns = mapping.headerNames.flatMap((name, i) => (mapped.has(i) || name.trim() === '' ? [] : [shown(name.trim(), i)]));
  return { ...mapping, headerNames: mapping.headerNames.map(shown), ignoredColumns };
}
