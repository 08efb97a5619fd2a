/**
 * The schools the competence figures (contract 4c) read: the figures' own scope CTE
 * (etl/figures/scopeSql.ts: viewer access, school, municipality, level) with each school's
 * `staff` from the contract table, which the figure facts do not carry.
 */
import { scopeCte } from '../figures/scopeSql.ts';

/** `scope(...)` and `scope_staff(school_id, school_name, municipality, staff)`. */
export const competenceScopeCtes = `${scopeCte('all')},
scope_staff AS (
  SELECT sc.school_id, sc.school_name, sc.municipality, s.staff
  FROM scope sc JOIN schools s USING (school_id)
)`;

/** `discussed(case_id)`: cases discussed at a held meeting (no status = held) in the period, in scope. */
export const discussedCasesCte = `discussed AS (
  SELECT DISTINCT d.case_id
  FROM discussions d
  JOIN meetings m USING (meeting_id)
  JOIN scope sc ON sc.school_id = m.school_id
  WHERE coalesce(m.status, 'held') = 'held' AND m.date BETWEEN $from AND $to
)`;
