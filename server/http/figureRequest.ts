/**
 * The figure endpoints' query string → a FigureQuery. `asOf` defaults to the period's last day, or today for a period not over yet;
 * the viewer's allowed schools are added by the caller (scope is decided at the edge). A
 * period longer than ten school years, or a monthly series of more than 120 months, is a 400
 * here, before the request waits for the figure queue (periodLimits.ts).
 */
import type { Request } from 'express';
import * as z from 'zod';
import { FigureQuery } from '../../etl/figures/index.ts';
import { defaultAsOf } from '../auth/wholeSchoolYears.ts';
import { HttpError } from './HttpError.ts';
import { periodProblem } from './periodLimits.ts';

const single = z.string().max(200);

/** The endpoints that answer one row per month of the period. */
const monthlyPaths = new Set(['/api/series/monthly']);

export const FigureRequest = z
  .object({
    from: single,
    to: single,
    asOf: single.optional(),
    school: single.optional(),
    municipality: single.optional(),
    level: single.optional(),
    by: single.optional(),
    total: z.literal('all', { error: 'total kan bare være all (summen for alle kommuner)' }).optional(),
    format: z.enum(['json', 'arrow']).optional(),
  })
  .strict();

export function figureQueryOf(req: Request, today: string): FigureQuery {
  const raw = FigureRequest.safeParse(req.query);
  const problems = (issues: z.core.$ZodIssue[]) => issues.map((i) => ({ parameter: i.path.join('.'), message: i.message }));
  if (!raw.success) throw new HttpError(400, 'invalid_parameters', problems(raw.error.issues));
  const { format: _format, ...rest } = raw.data;
  const parsed = FigureQuery.safeParse({ ...rest, asOf: rest.asOf ?? today, allowedSchools: null });
  if (!parsed.success) throw new HttpError(400, 'invalid_parameters', problems(parsed.error.issues));
  const tooLong = periodProblem(parsed.data.from, parsed.data.to, monthlyPaths.has(req.path));
  if (tooLong) throw new HttpError(400, 'invalid_parameters', [tooLong]);
  // Without asOf: the period's last day, or today for a period not over yet (the one as-of
  // date answered outside the viewer's scope; wholeSchoolYears.ts).
  return rest.asOf === undefined ? { ...parsed.data, asOf: defaultAsOf(parsed.data.to, today) } : parsed.data;
}
