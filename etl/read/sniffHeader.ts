/** Detects the delimiter (`,` `;` or TAB) and reads the header row's names. */
import Papa from 'papaparse';

export type Delimiter = ',' | ';' | '\t';

export interface SniffedHeader {
  readonly delimiter: Delimiter;
  readonly names: readonly string[];
}

const candidates: readonly Delimiter[] = [';', '\t', ','];

/** Fields in the header line for each candidate; the one splitting it most, consistently with the next rows, wins. */
export function sniffHeader(head: string): SniffedHeader | null {
  // Drop a possibly cut-off last line of the sample.
  const lastBreak = head.lastIndexOf('\n');
  const sample = lastBreak > 0 ? head.slice(0, lastBreak) : head;
  let best: { delimiter: Delimiter; names: string[]; score: number } | null = null;
  for (const delimiter of candidates) {
    const parsed = Papa.parse<string[]>(sample, { delimiter, preview: 20, skipEmptyLines: true });
    const rows = parsed.data;
    const header = rows[0];
    if (!header || header.length < 2) continue;
    const consistent = rows.filter((r) => r.length === header.length).length;
    const score = consistent * 1000 + header.length;
    if (!best || score > best.score) best = { delimiter, names: header, score };
  }
  return best && { delimiter: best.delimiter, names: best.names };
}
