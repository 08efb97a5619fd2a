/**
 * Writes one contract kind to `<dir>/<kind>.csv`: the canonical header, UTF-8 without BOM,
 * comma-delimited, LF line ends, RFC 4180 quoting where needed. Each line is encoded at once
 * into a 1 MB buffer that is written with one synchronous write when full, so a national run
 * streams hundreds of megabytes with a small, flat memory profile (and no long-lived strings
 * for the garbage collector to move).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { kindSpec, type KindName } from '../../etl/contract/index.ts';

export type CsvValue = string | number | boolean | null | undefined;
export type CsvRow = Readonly<Record<string, CsvValue>>;

const bufferBytes = 1 << 20;
const needsQuotes = /[",\r\n]/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : String(value);
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export class CsvWriter {
  readonly kind: KindName;
  readonly path: string;
  readonly columns: readonly string[];
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(bufferBytes);
  private used = 0;
  private rowCount = 0;

  constructor(dir: string, kind: KindName) {
    this.kind = kind;
    this.path = join(dir, `${kind}.csv`);
    this.columns = kindSpec(kind).columns.map((c) => c.name);
    this.fd = openSync(this.path, 'w');
    this.append(`${this.columns.join(',')}\n`);
  }

  /** Appends one row; its keys are the contract's column names. */
  write(row: CsvRow): void {
    let line = '';
    for (let i = 0; i < this.columns.length; i++) {
      if (i > 0) line += ',';
      line += csvField(row[this.columns[i] as string]);
    }
    this.append(`${line}\n`);
    this.rowCount++;
  }

  get rows(): number {
    return this.rowCount;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private append(text: string): void {
    // A UTF-16 unit never takes more than three UTF-8 bytes.
    if (this.used + 3 * text.length > bufferBytes) {
      this.flush();
      if (3 * text.length > bufferBytes) {
        writeSync(this.fd, text);
        return;
      }
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  private flush(): void {
    if (this.used > 0) writeSync(this.fd, this.buffer, 0, this.used);
    this.used = 0;
  }
}
