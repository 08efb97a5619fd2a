/**
 * What a caller asks the figures for: a period, an as-of date, a scope and the viewer's
 * school access. The CLI and the server parse their input with this schema (the boundary);
 * the figure functions trust the type.
 */
import * as z from 'zod';

/** Rejects well-formed but impossible dates such as 2025-02-31. */
function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'dato må skrives ÅÅÅÅ-MM-DD')
  .refine(isCalendarDate, { message: 'datoen finnes ikke' });

export const SchoolLevel = z.enum(['barneskole', 'ungdomsskole', 'kombinert']);
export type SchoolLevel = z.infer<typeof SchoolLevel>;

export const Breakdown = z.enum(['school', 'municipality']);
export type Breakdown = z.infer<typeof Breakdown>;

export const FigureQuery = z
  .object({
    /** First day of the period, inclusive. */
    from: IsoDate,
    /** Last day of the period, inclusive. */
    to: IsoDate,
    /** The day the data is read as of: censoring for Kaplan–Meier, evaluations due. */
    asOf: IsoDate,
    /** One school_id. Combined with `municipality`, both must hold. */
    school: z.string().trim().min(1).max(64).optional(),
    /** One municipality name as in schools.municipality. */
    municipality: z.string().trim().min(1).optional(),
    level: SchoolLevel.optional(),
    by: Breakdown.optional(),
    /** The viewer's scope: null or absent means every school; otherwise only these are ever read. */
    allowedSchools: z.array(z.string()).readonly().nullable().optional(),
  })
  .refine((q) => q.from <= q.to, { message: 'fra-datoen må være før eller lik til-datoen', path: ['to'] });
export type FigureQuery = z.infer<typeof FigureQuery>;
