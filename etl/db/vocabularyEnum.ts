/**
 * A closed vocabulary as a DuckDB ENUM type: how the contract tables, the import's typed
 * rows and the figure facts store a vocabulary's codes (sqlType.ts).
 *
 * Why: a VARCHAR column costs its dictionary analysis and compression on every insert, and
 * its sort payload in the facts, for millions of rows at national scale. Measured at national
 * scale (three runs each): inserting the meetings 0.57 s instead of 1.4 s (their participants,
 * a list of roles, most of it), the cases 1.0 instead of 1.25 s, the measures 1.0–1.3 instead
 * of 1.45–1.55 s; the discussions' facts (a case's kind on each of 3.9 M rows) 0.7 instead of
 * 1.1–1.3 s. A code is one byte wherever it goes.
 *
 * The codes are declared in code-point order, so an ENUM sorts (ORDER BY, min, max) exactly
 * as the text did. A figure compares them with text literals and reads them as strings:
 * DuckDB casts the ENUM to text where the other side is text, so a literal that is not a
 * code matches nothing instead of failing.
 */
import type { Vocabulary } from '../contract/types.ts';

/** Codes are contract constants; quoted all the same. */
const quoted = (code: string) => `'${code.replaceAll("'", "''")}'`;

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function vocabularyEnum(vocab: Vocabulary): string {
  return `ENUM(${[...vocab.codes].sort(byCodePoint).map(quoted).join(', ')})`;
}

/**
 * `expr` as the vocabulary's ENUM, NULL when it is not a code. The importer only ever
 * stores codes; a text column of an older file edited by hand may hold something else, and
 * such a value matched none of the figures' codes as text either, so the figures are the
 * same and the facts can still be built.
 */
export function asVocabularyEnum(expr: string, vocab: Vocabulary): string {
  return `TRY_CAST(${expr} AS ${vocabularyEnum(vocab)})`;
}
