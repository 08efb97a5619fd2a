/**
 * GET /api/meta: what the dashboard needs to build its filters and explain its numbers:
 * the schools the viewer may look at (each marked `scoped` when seen in full, otherwise
 * with suppression), every municipality (all viewers may compare municipality totals), the
 * span of the viewer's own data, the suppression threshold, and every figure's definition:
 * those of sections 4 and 4b in `figures` (the views about the team's work), those of 4d
 * (deviations) apart in `deviation_figures`, for a view of their own: they count deviations,
 * not cases, and belong beside each other rather than among the case figures.
 */
import { Router } from 'express';
import * as z from 'zod';
import { LIST, VARCHAR, listValue } from '@duckdb/node-api';
import { deviationKeys, figureSpecs, type FigureSpec } from '../../etl/figures/figureKeys.ts';
import type { SchoolLevel } from '../../etl/figures/figureQuery.ts';
import { viewerOf } from '../auth/viewer.ts';
import { accessOf } from '../auth/viewerAccess.ts';
import type { AppContext } from '../appContext.ts';
import { cacheAnswers } from '../cache/cacheAnswers.ts';
import { validateQuery } from '../http/validateQuery.ts';
import { withConnection } from '../withConnection.ts';

/**
 * `form=columns`: the schools as one list per field instead of one object per school (the
 * dashboard's form). For an administrator at national scale (2,700 schools) the answer
 * shrinks from 413 kB to about half, and the browser reads and parses it on the first
 * chart's path (80–100 ms of the page's main thread on a busy 2-core machine). Without it,
 * the answer is as it always was.
 */
const MetaQuery = z.object({ form: z.enum(['columns']).optional() }).strict();

/** A school the viewer may ask for. */
export interface SchoolInfo {
  readonly school_id: string;
  readonly school_name: string;
  readonly municipality: string;
  readonly level: SchoolLevel | null;
  /** False when the viewer sees this school only with small numbers suppressed. */
  readonly scoped: boolean;
  /** Pupils and staff from the schools file (public numbers), for figures per pupil and per 10 staff; null when not known. */
  readonly students?: number | null;
  readonly staff?: number | null;
}

/** `MetaResponse.schools` as `?form=columns` sends it: element i of every list is school i. */
export interface SchoolColumns {
  readonly school_id: readonly string[];
  readonly school_name: readonly string[];
  readonly municipality: readonly string[];
  readonly level: readonly (SchoolLevel | null)[];
  readonly scoped: readonly boolean[];
  readonly students: readonly (number | null)[];
  readonly staff: readonly (number | null)[];
}

export function schoolColumns(schools: readonly SchoolInfo[]): SchoolColumns {
  return {
    school_id: schools.map((s) => s.school_id),
    school_name: schools.map((s) => s.school_name),
    municipality: schools.map((s) => s.municipality),
    level: schools.map((s) => s.level),
    scoped: schools.map((s) => s.scoped),
    students: schools.map((s) => s.students ?? null),
    staff: schools.map((s) => s.staff ?? null),
  };
}

/** What GET /api/meta answers (the dashboard reads this type). */
export interface MetaResponse {
  /** By municipality, then name. */
  readonly schools: readonly SchoolInfo[];
  readonly municipalities: readonly string[];
  /** The first and last date of the viewer's own data. */
  readonly span: { readonly first_date: string | null; readonly last_date: string | null };
  /** The server's today (Europe/Oslo), YYYY-MM-DD. */
  readonly asOf: string;
  /** Small-number suppression: figures from fewer individual-part cases are hidden. */
  readonly suppression: { readonly threshold: number };
  readonly figures: readonly FigureSpec[];
  /** The deviation figures of section 4d (`deviations_by_agency` is an object and has no spec). */
  readonly deviation_figures: readonly FigureSpec[];
}

const isDeviationFigure = (spec: FigureSpec) => (deviationKeys as readonly string[]).includes(spec.key);

/** DuckDB's default (binary) order, which JavaScript's < gives for these strings too. */
const byMunicipalityAndName = (a: SchoolInfo, b: SchoolInfo): number =>
  a.municipality < b.municipality ? -1 : a.municipality > b.municipality ? 1 : a.school_name < b.school_name ? -1 : a.school_name > b.school_name ? 1 : 0;

export function metaRoutes(deps: AppContext): Router {
  const router = Router();
  router.get('/api/meta', cacheAnswers(deps), async (req, res) => {
    const viewer = viewerOf(res);
    const { form } = validateQuery(MetaQuery, req);
    const meta = await withConnection(deps.instance, async (conn) => {
      const access = accessOf(viewer, await deps.schoolDirectory(conn));
      const own = access.isAdmin ? null : listValue([...access.scoped]);
      const span = await conn.runAndReadAll(
        `SELECT strftime(min(d), '%Y-%m-%d') AS first_date, strftime(max(d), '%Y-%m-%d') AS last_date FROM (
           SELECT min(date) AS d FROM meetings WHERE $own IS NULL OR list_contains($own, school_id)
           UNION ALL SELECT max(date) FROM meetings WHERE $own IS NULL OR list_contains($own, school_id)
           UNION ALL SELECT min(first_concern_date) FROM cases WHERE $own IS NULL OR list_contains($own, school_id)
           UNION ALL SELECT max(closed_date) FROM cases WHERE $own IS NULL OR list_contains($own, school_id))`,
        { own },
        { own: LIST(VARCHAR) },
      );
      const [first, last] = span.getRowsJS()[0] as [string | null, string | null];
      const sizes = new Map(
        ((await conn.runAndReadAll('SELECT school_id, students, staff FROM schools')).getRowsJS() as Array<[string, number | null, number | null]>).map(([id, students, staff]) => [
          id,
          { students: students === null ? null : Number(students), staff: staff === null ? null : Number(staff) },
        ]),
      );
      const schools: SchoolInfo[] = access.directory
        .filter((s) => access.visible.has(s.school_id))
        .map((s) => ({ ...s, level: s.level as SchoolLevel | null, scoped: access.scoped.has(s.school_id), ...(sizes.get(s.school_id) ?? { students: null, staff: null }) }))
        .sort(byMunicipalityAndName);
      return { schools, municipalities: [...access.municipalities], span: { first_date: first, last_date: last } };
    });
    const body: MetaResponse = {
      schools: meta.schools,
      municipalities: meta.municipalities.sort((a, b) => a.localeCompare(b, 'nb')),
      span: meta.span,
      asOf: deps.today(),
      suppression: { threshold: deps.settings.suppressionThreshold },
      figures: figureSpecs.filter((s) => !isDeviationFigure(s)),
      deviation_figures: figureSpecs.filter(isDeviationFigure),
    };
    res.json(form === 'columns' ? { ...body, schools: schoolColumns(body.schools) } : body);
  });
  return router;
}
