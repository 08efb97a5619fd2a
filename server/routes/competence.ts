/**
 * GET /api/competence?from&to[&school|&municipality][&level]: the figures of contract 4c
 * (etl/competence) for the viewer's scope: `{efforts, reach, demand, challenges, schools}`,
 * rows as the `competence` command prints them (efforts also with partner, dates and target
 * group; `schools` = the schools in scope with level and staff, so the page can name the
 * schools not reached). For administrators (every school) and the municipality and PPT users
 * of a municipality (its schools; `school`/`municipality` elsewhere 403); rectors 403.
 * Individual-part case counts of a school the viewer is not scoped to are suppressed
 * (server/auth/competenceSuppression.ts); with these scopes every school a non-admin can ask
 * for is one they are scoped to, so the rule guards a future widening of the scope.
 */
import { Router } from 'express';
import * as z from 'zod';
import type { EffortRow } from '../../etl/competence/competenceEffortSummaries.ts';
import { competenceFigures } from '../../etl/competence/competenceFigures.ts';
import type { ReachRow } from '../../etl/competence/competenceReach.ts';
import { competenceSchools, type CompetenceSchool } from '../../etl/competence/competenceSchools.ts';
import { FigureQuery } from '../../etl/figures/figureQuery.ts';
import { auditRequest } from '../auth/auditRequest.ts';
import { suppressChallenges, suppressDemand, type ShownChallengeRow, type ShownDemandRow } from '../auth/competenceSuppression.ts';
import { askedTarget } from '../auth/figureScope.ts';
import { viewerOf } from '../auth/viewer.ts';
import { accessOf, type ViewerAccess } from '../auth/viewerAccess.ts';
import { defaultAsOf, wholeSchoolYears } from '../auth/wholeSchoolYears.ts';
import type { AppContext } from '../appContext.ts';
import { HttpError } from '../http/HttpError.ts';
import { periodProblem } from '../http/periodLimits.ts';
import { validateQuery } from '../http/validateQuery.ts';
import { withConnection } from '../withConnection.ts';

/** The body of GET /api/competence. */
export interface CompetenceResponse {
  readonly efforts: readonly EffortRow[];
  readonly reach: readonly ReachRow[];
  readonly demand: readonly ShownDemandRow[];
  readonly challenges: readonly ShownChallengeRow[];
  readonly schools: readonly CompetenceSchool[];
}

const single = z.string().max(200);
const CompetenceRequest = z.object({ from: single, to: single, school: single.optional(), municipality: single.optional(), level: single.optional() }).strict();

const rolesWithCompetence = new Set(['admin', 'municipality', 'ppt']);
const forbidden = (reason: string) => new HttpError(403, 'forbidden', { reason });

/** 403/404 for what the viewer may not ask; the schools the SQL may read (null: every school). */
function allowedSchoolsFor(access: ViewerAccess, q: FigureQuery): string[] | null {
  if (!rolesWithCompetence.has(access.viewer.role)) throw forbidden('role');
  if (q.school !== undefined && !access.schoolById.has(q.school)) throw new HttpError(404, 'unknown_school');
  if (q.municipality !== undefined && !access.municipalities.has(q.municipality)) throw new HttpError(404, 'unknown_municipality');
  if (access.isAdmin) return null;
  if (q.school !== undefined && !access.scoped.has(q.school)) throw forbidden('school_out_of_scope');
  if (q.municipality !== undefined && q.municipality !== access.home) throw forbidden('municipality_out_of_scope');
  return [...access.scoped];
}

function parseQuery(query: z.infer<typeof CompetenceRequest>, today: string): FigureQuery {
  const parsed = FigureQuery.safeParse({ ...query, asOf: today, allowedSchools: null });
  if (!parsed.success) throw new HttpError(400, 'invalid_parameters', parsed.error.issues.map((i) => ({ parameter: i.path.join('.'), message: i.message })));
  const tooLong = periodProblem(parsed.data.from, parsed.data.to, false);
  if (tooLong) throw new HttpError(400, 'invalid_parameters', [tooLong]);
  return { ...parsed.data, asOf: defaultAsOf(parsed.data.to, today) };
}

export function competenceRoutes(deps: AppContext): Router {
  const router = Router();
  router.get('/api/competence', async (req, res) => {
    const viewer = viewerOf(res);
    const today = deps.today();
    const asked = parseQuery(validateQuery(CompetenceRequest, req), today);
    const target = askedTarget(asked);
    const details = { endpoint: 'competence', from: asked.from, to: asked.to, level: asked.level };
    const body: CompetenceResponse = await deps.figureQueue(
      () =>
        withConnection(deps.instance, async (conn) => {
          const access = accessOf(viewer, await deps.schoolDirectory(conn));
          let q: FigureQuery;
          try {
            q = { ...asked, allowedSchools: allowedSchoolsFor(access, asked) };
          } catch (error) {
            if (error instanceof HttpError) await auditRequest(deps, req, viewer, { action: 'access_denied', target, details: { ...details, status: error.status } }, conn);
            throw error;
          }
          const figures = await competenceFigures(conn, q);
          const schools = await competenceSchools(conn, q);
          const rule = { isScoped: (id: string) => access.scoped.has(id), wholeSchoolYears: wholeSchoolYears(q, today) !== null, threshold: deps.settings.suppressionThreshold };
          await auditRequest(deps, req, viewer, { action: 'view_competence', target, details }, conn);
          return { ...figures, demand: suppressDemand(figures.demand, rule), challenges: suppressChallenges(figures.challenges, rule), schools };
        }),
      viewer.username,
    );
    res.json(body);
  });
  return router;
}
