/**
 * The school year a figure query asks for when it asks for exactly one whole school year, 1
 * August to 31 July, for every level of school: the questions the year figures may hold
 * (buildYearFigures.ts keeps each ended year read as of its last day and the running year
 * read as of the day they were built; storedYearRows.ts finds them by year and as-of date).
 * Anything else (a term, several years, one level) is computed live.
 */
import type { FigureQuery } from '../figureQuery.ts';

export function wholeSchoolYear(q: FigureQuery): number | null {
  if (q.level !== undefined) return null;
  const from = /^(\d{4})-08-01$/.exec(q.from);
  const to = /^(\d{4})-07-31$/.exec(q.to);
  if (!from || !to || Number(to[1]) !== Number(from[1]) + 1) return null;
  return Number(from[1]);
}
