/**
 * Writes one contract kind the way a municipality's own system exports it: its own file
 * name, header names and labels, `;` between fields, CRLF line ends, and Windows-1252 or
 * UTF-8 with a byte-order mark (what Excel saves). The sample's Swedish municipality is
 * written this way, so importing the sample exercises the Swedish aliases. The files are
 * small: lines are kept and written at close.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { KindName } from '../../etl/contract/index.ts';
import type { CsvRow, CsvValue } from './csvWriter.ts';

/** A contract column as the export writes it: its header and, if it differs, how a value is labelled. */
export interface LocalColumn {
  readonly column: string;
  readonly header: string;
  readonly label?: (value: CsvValue) => CsvValue;
}

export interface LocalFormat {
  readonly file: string;
  readonly encoding: 'windows-1252' | 'utf-8-bom';
}

const needsQuotes = /[";\r\n]/;

function field(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export class LocalisedCsvWriter {
  readonly path: string;
  private readonly lines: string[];
  private rowCount = 0;

  constructor(
    dir: string,
    readonly kind: KindName,
    private readonly format: LocalFormat,
    private readonly columns: readonly LocalColumn[],
  ) {
    this.path = join(dir, format.file);
    this.lines = [columns.map((c) => field(c.header)).join(';')];
  }

  write(row: CsvRow): void {
    this.lines.push(this.columns.map((c) => field(c.label ? c.label(row[c.column]) : row[c.column])).join(';'));
    this.rowCount++;
  }

  get rows(): number {
    return this.rowCount;
  }

  close(): void {
    const text = `${this.lines.join('\r\n')}\r\n`;
    const bytes = this.format.encoding === 'windows-1252' ? iconv.encode(text, 'windows-1252') : Buffer.from(`\uFEFF${text}`, 'utf8');
    writeFileSync(this.path, bytes);
  }
}

/** A kind the export does not carry: rows are dropped. */
export class NoExport {
  readonly path = '';
  readonly rows = 0;
  constructor(readonly kind: KindName) {}
  write(): void {}
  close(): void {}
}
