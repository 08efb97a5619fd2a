/**
 * PPT's competence efforts (contract: competence_efforts, competence_participation): for a
 * period, per effort and school, how many sessions were logged and how many took part,
 * aggregated in SQL. Scoped like the figures: `allowedSchools` are the only schools read.
 * Participation counts are about staff, not pupils, so nothing here is suppressed.
 */
import { DATE, LIST, VARCHAR, dateValue, listValue, type DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { IsoDate } from '../figures/figureQuery.ts';
import { compareGroups } from '../figures/groupOrder.ts';

export const CompetenceQuery = z
  .object({
    from: IsoDate,
    to: IsoDate,
    school: z.string().trim().min(1).max(64).optional(),
    municipality: z.string().trim().min(1).max(200).optional(),
    effort: z.string().trim().min(1).max(64).optional(),
    /** null: every school; otherwise only these are read. */
    allowedSchools: z.array(z.string()).readonly().nullable(),
  })
  .refine((q) => q.from <= q.to, { message: 'fra-datoen må være før eller lik til-datoen', path: ['to'] });
export type CompetenceQuery = z.infer<typeof CompetenceQuery>;

export type CompetenceParticipation = {
  readonly effort_id: string;
  readonly effort_name: string;
  readonly theme: string | null;
  readonly tier: number | null;
  readonly school_id: string;
  readonly school_name: string;
  readonly municipality: string;
  /** Participation rows (sessions) in the period. */
  readonly sessions: number;
  /** Sum of participants_count over those sessions. */
  readonly participants: number;
  readonly first_date: string;
  readonly last_date: string;
};

const sql = `
SELECT e.effort_id, e.name AS effort_name, e.theme, e.tier,
       s.school_id, s.school_name, s.municipality,
       count(*)::INTEGER AS sessions,
       sum(p.participants_count)::DOUBLE AS participants,
       strftime(min(p.date), '%Y-%m-%d') AS first_date,
       strftime(max(p.date), '%Y-%m-%d') AS last_date
FROM competence_participation p
JOIN competence_efforts e USING (effort_id)
JOIN schools s USING (school_id)
WHERE p.date BETWEEN $from AND $to
  AND ($allowed IS NULL OR list_contains($allowed, s.school_id))
  AND ($school IS NULL OR s.school_id = $school)
  AND ($municipality IS NULL OR s.municipality = $municipality)
  AND ($effort IS NULL OR e.effort_id = $effort)
GROUP BY ALL`;

function date(iso: string) {
  const [year, month, day] = iso.split('-').map(Number);
  return dateValue({ year: year!, month: month!, day: day! });
}

const collator = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });

/** Rows sorted by effort name, then municipality and school name. */
export async function competenceBySchool(conn: DuckDBConnection, q: CompetenceQuery): Promise<CompetenceParticipation[]> {
  const reader = await conn.runAndReadAll(
    sql,
    {
      from: date(q.from),
      to: date(q.to),
      allowed: q.allowedSchools === null ? null : listValue([...q.allowedSchools]),
      school: q.school ?? null,
      municipality: q.municipality ?? null,
      effort: q.effort ?? null,
    },
    { from: DATE, to: DATE, allowed: LIST(VARCHAR), school: VARCHAR, municipality: VARCHAR, effort: VARCHAR },
  );
  const rows = reader.getRowObjectsJS().map((r) => ({
    effort_id: String(r.effort_id),
    effort_name: String(r.effort_name),
    theme: r.theme === null ? null : String(r.theme),
    tier: r.tier === null ? null : Number(r.tier),
    school_id: String(r.school_id),
    school_name: String(r.school_name),
    municipality: String(r.municipality),
    sessions: Number(r.sessions),
    participants: Number(r.participants),
    first_date: String(r.first_date),
    last_date: String(r.last_date),
  }));
  return rows.sort((a, b) => collator.compare(a.effort_name, b.effort_name) || a.effort_id.localeCompare(b.effort_id) || compareGroups(a, b));
}
