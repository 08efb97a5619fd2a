/** One CSV writer per contract kind, opened together and closed together. */
import { kinds, type KindName } from '../../etl/contract/index.ts';
import { CsvWriter, type CsvRow } from './csvWriter.ts';

/** What the per-school pipeline writes rows to: a canonical CSV file or a municipality's own export. */
export interface RowWriter {
  readonly kind: KindName;
  /** The file written ('' when the kind is not exported). */
  readonly path: string;
  readonly rows: number;
  write(row: CsvRow): void;
  close(): void;
}

export type Writers = Readonly<Record<KindName, RowWriter>>;

export function openWriters(dir: string): Writers {
  return Object.fromEntries(kinds.map((k) => [k.kind, new CsvWriter(dir, k.kind)])) as Record<KindName, CsvWriter>;
}

/** Closes every writer and returns the data rows written per file, in contract order (kinds not exported left out). */
export function closeWriters(writers: Writers): { kind: KindName; path: string; rows: number }[] {
  return kinds.flatMap((k) => {
    const w = writers[k.kind];
    w.close();
    return w.path ? [{ kind: k.kind, path: w.path, rows: w.rows }] : [];
  });
}
