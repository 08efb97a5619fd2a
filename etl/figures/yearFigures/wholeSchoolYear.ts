/**
 * The school year a figure query asks for when it asks for exactly one whole school year as
 * the dashboard does for an ended one: 1 August to 31 July, read as of its last day, for every
 * level of school. Those are the answers kept in the year figures (buildYearFigures.ts);
 * anything else (a term, several years, the running year read as of today, one level) is
 * computed live.
 */
import type { FigureQuery } from '../figureQuery.ts';

export function wholeSchoolYear(q: FigureQuery): number | null {
  if (q.level !== undefined || q.asOf !== q.to) return null;
  const from = /^(\d{4})-08-01$/.exec(q.from);
  const to = /^(\d{4})-07-31$/.exec(q.to);
  if (!from || !to || Number(to[1]) !== Number(from[1]) + 1) return null;
  return Number(from[1]);
}
