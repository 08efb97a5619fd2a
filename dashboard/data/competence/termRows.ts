/**
 * A ranking over the school year split by term (issue 11: the recurring themes and the
 * challenges "per term"): for each code in the year's order, one row per term with that
 * term's summary, or an empty one when nothing on it came up that term (so both terms of a
 * theme always stand together, in the year's ranking).
 */
export interface TermRow<S> {
  readonly code: string;
  readonly term: string;
  readonly summary: S;
}

export function termRows<S>(
  yearRanking: readonly S[],
  codeOf: (s: S) => string,
  terms: ReadonlyArray<{ readonly label: string; readonly ranking: readonly S[] }>,
  empty: (code: string) => S,
): TermRow<S>[] {
  const byTerm = terms.map((t) => ({ label: t.label, of: new Map(t.ranking.map((s) => [codeOf(s), s])) }));
  return yearRanking.flatMap((y) => {
    const code = codeOf(y);
    return byTerm.map((t) => ({ code, term: t.label, summary: t.of.get(code) ?? empty(code) }));
  });
}
