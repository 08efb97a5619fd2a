/**
 * DuckDB keeps the text of a record it cannot read (its rejects table's csv_line), cut at
 * 10,000 bytes — in the middle of a character when a multi-byte one (ø, å, a CJK character
 * from a file in the wrong encoding) straddles byte 10,000. The cut text is invalid UTF-8
 * and the whole read fails with "Invalid unicode … segment statistics update", which the
 * user saw as «databasefeil» (fuzz file #964 of issue 13: UTF-16 with a huge field, but a
 * long Norwegian comment on a row with one field too many does the same).
 *
 * When a read fails that way, each long line holding a non-ASCII character is tried alone
 * with the same dialect but without the rejects table: a line DuckDB cannot read is blanked
 * in a copy (its line break kept, so every other line keeps its number) and rejected with
 * the reason DuckDB's error gives; lines it can read stay. Only a line that starts a record
 * is tried: a line inside a quoted field spanning lines is not a row of its own.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { lineLocator } from '../read/lineLocator.ts';
import type { Delimiter } from '../read/sniffHeader.ts';
import { ImportError } from './importReport.ts';
import { sqlString } from './sqlExpressions.ts';

/** Bytes of a rejected record DuckDB keeps (csv_line). */
export const rejectedTextBytes = 10_000;

/** Long lines tried one by one at most; beyond that the file is refused with a reason. */
export const maxLongLines = 1_000;

export interface RejectedLongLine {
  readonly line: number;
  readonly reason: string;
}

/** True for DuckDB's failure on a rejected record cut inside a character. */
export function isCutCharacterError(error: unknown): boolean {
  return error instanceof Error && /Invalid unicode.*segment statistics/i.test(error.message);
}

/** The reason the importer gives for a record DuckDB cannot read, from DuckDB's own error. */
function reasonOf(message: string, columns: number): string {
  const found = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  if (found) {
    return Number(found[2]) < Number(found[1])
      ? `raden har færre felt enn overskriftsraden (${columns})`
      : `raden har flere felt enn overskriftsraden (${columns})`;
  }
  if (/maximum line size/i.test(message)) return 'raden er lengre enn 4 MB og kan ikke leses';
  return 'raden kan ikke leses som CSV (feil bruk av anførselstegn eller skilletegn)';
}

async function lineIsReadable(conn: DuckDBConnection, path: string, delimiter: Delimiter, columns: number): Promise<string | null> {
  const names = Array.from({ length: columns }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  try {
    await conn.runAndReadAll(`SELECT count(c0) FROM read_csv(${sqlString(path)},
      delim = ${sqlString(delimiter)}, quote = '"', escape = '"', header = false,
      columns = {${names}}, auto_detect = false, strict_mode = true, all_varchar = true, max_line_size = 4000000)`);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * Blanks the long lines of `text` that DuckDB cannot read (lines after `headerLine` only).
 * Returns the repaired text and the rejected lines; throws a reason when there are too many
 * long lines to try one by one.
 */
export async function blankLongRejectedLines(
  conn: DuckDBConnection,
  opts: { text: string; delimiter: Delimiter; columns: number; headerLine: number; tempDir: string; tempName: string; file: string },
): Promise<{ text: string; rejected: RejectedLongLine[] }> {
  const lines = opts.text.split(/(\r\n|\r|\n)/); // content, break, content, break, …
  const locate = lineLocator(opts.text, new Set(), opts.delimiter);
  const candidates: number[] = [];
  for (let k = 0; k < lines.length; k += 2) {
    const line = k / 2 + 1;
    const content = lines[k]!;
    if (line <= opts.headerLine || content.length * 3 <= rejectedTextBytes || !/[^\p{ASCII}]/u.test(content)) continue;
    if (Buffer.byteLength(content) <= rejectedTextBytes || locate.recordOfLine(line) === null) continue;
    candidates.push(k);
  }
  if (candidates.length > maxLongLines) {
    throw new ImportError(
      `filen har ${candidates.length} rader over 10 000 byte med feil som ikke kan vises; høyst ${maxLongLines} kan sjekkes. Kontroller at filen er lagret som CSV og at ingen felt er altfor lange`,
      opts.file,
    );
  }
  const probe = join(opts.tempDir, opts.tempName);
  const rejected: RejectedLongLine[] = [];
  for (const k of candidates) {
    writeFileSync(probe, lines[k]! + '\n');
    const error = await lineIsReadable(conn, probe, opts.delimiter, opts.columns);
    if (error === null) continue;
    rejected.push({ line: k / 2 + 1, reason: `${reasonOf(error, opts.columns)} (raden er over 10 000 byte lang)` });
    lines[k] = '';
  }
  return { text: lines.join(''), rejected };
}
