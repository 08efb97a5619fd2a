/**
 * Writes test CSV files the way municipal exports come: a chosen encoding (UTF-8, UTF-8
 * with BOM, Windows-1252), delimiter and line ending, fields quoted per RFC 4180 when needed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';

export type TestEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';
export type TestDelimiter = ',' | ';' | '\t';
export type LineEnding = '\n' | '\r\n';

export interface CsvOptions {
  readonly delimiter?: TestDelimiter;
  readonly lineEnding?: LineEnding;
  readonly encoding?: TestEncoding;
}

/** One field, quoted when it holds the delimiter, a quote or a line break. */
export function csvField(value: string, delimiter: TestDelimiter = ','): string {
  return /["\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One physical record (may span several lines when a quoted field holds a line break). */
export function csvRecord(fields: readonly string[], delimiter: TestDelimiter = ','): string {
  return fields.map((f) => csvField(f, delimiter)).join(delimiter);
}

/** The text of a CSV file: header and rows, every line ended by the chosen line ending. */
export function csvText(rows: readonly (readonly string[])[], options: CsvOptions = {}): string {
  const eol = options.lineEnding ?? '\n';
  return rows.map((r) => csvRecord(r, options.delimiter) + eol).join('');
}

/** The bytes of a text in one of the encodings the contract accepts. */
export function encodeText(text: string, encoding: TestEncoding = 'utf-8'): Buffer {
  if (encoding === 'windows-1252') {
    const bytes = iconv.encode(text, 'windows-1252');
    // iconv replaces what Windows-1252 cannot hold by '?': a test must not do that silently.
    if (iconv.decode(bytes, 'windows-1252') !== text) throw new Error(`not representable in Windows-1252: ${text}`);
    return bytes;
  }
  const utf8 = Buffer.from(text, 'utf8');
  return encoding === 'utf-8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]) : utf8;
}

/** Writes `text` (already CSV) to dir/name in the given encoding and returns the path. */
export function writeText(dir: string, name: string, text: string, encoding: TestEncoding = 'utf-8'): string {
  const path = join(dir, name);
  writeFileSync(path, encodeText(text, encoding));
  return path;
}

/** Writes header and rows as a CSV file and returns the path. */
export function writeCsv(dir: string, name: string, rows: readonly (readonly string[])[], options: CsvOptions = {}): string {
  return writeText(dir, name, csvText(rows, options), options.encoding);
}
