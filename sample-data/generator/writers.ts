/** One CSV writer per contract kind, opened together and closed together. */
import { kinds, type KindName } from '../../etl/contract/index.ts';
import { CsvWriter } from './csvWriter.ts';

export type Writers = Readonly<Record<KindName, CsvWriter>>;

export function openWriters(dir: string): Writers {
  return Object.fromEntries(kinds.map((k) => [k.kind, new CsvWriter(dir, k.kind)])) as Record<KindName, CsvWriter>;
}

/** Closes every writer and returns the data rows written per file, in contract order. */
export function closeWriters(writers: Writers): { kind: KindName; path: string; rows: number }[] {
  return kinds.map((k) => {
    const w = writers[k.kind];
    w.close();
    return { kind: k.kind, path: w.path, rows: w.rows };
  });
}
