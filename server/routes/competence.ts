/**
 * GET /api/competence?from&to[&school][&municipality][&effort]: participation in PPT's
 * competence efforts per effort × school (etl/competence). For PPT and administrators only;
 * a PPT user sees the schools of their own municipality.
 */
import { Router } from 'express';
import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { CompetenceQuery, competenceBySchool } from '../../etl/competence/competenceBySchool.ts';
import { auditRequest } from '../auth/auditRequest.ts';
import { viewerOf } from '../auth/viewer.ts';
import { accessOf, loadSchoolDirectory, type ViewerAccess } from '../auth/viewerAccess.ts';
import type { AppContext } from '../appContext.ts';
import { HttpError } from '../http/HttpError.ts';
import { sendTable, type TableSchema } from '../http/sendTable.ts';
import { validateQuery } from '../http/validateQuery.ts';
import { withConnection } from '../withConnection.ts';

const single = z.string().max(200);
const CompetenceRequest = z
  .object({ from: single, to: single, school: single.optional(), municipality: single.optional(), effort: single.optional(), format: z.enum(['json', 'arrow']).optional() })
  .strict();

const competenceSchema: TableSchema = {
  effort_id: 'utf8',
  effort_name: 'utf8',
  theme: 'utf8',
  tier: 'int32',
  school_id: 'utf8',
  school_name: 'utf8',
  municipality: 'utf8',
  sessions: 'int32',
  participants: 'float64',
  first_date: 'utf8',
  last_date: 'utf8',
};

/** 403/404 for what the viewer may not ask; the schools the SQL may read. */
function allowedSchoolsFor(access: ViewerAccess, q: { school?: string; municipality?: string }): string[] | null {
  if (access.viewer.role !== 'admin' && access.viewer.role !== 'ppt') throw new HttpError(403, 'forbidden', { reason: 'role' });
  if (q.school !== undefined && !access.schoolById.has(q.school)) throw new HttpError(404, 'unknown_school');
  if (q.municipality !== undefined && !access.municipalities.has(q.municipality)) throw new HttpError(404, 'unknown_municipality');
  if (access.isAdmin) return null;
  if (q.school !== undefined && !access.scoped.has(q.school)) throw new HttpError(403, 'forbidden', { reason: 'school_out_of_scope' });
  if (q.municipality !== undefined && q.municipality !== access.home) throw new HttpError(403, 'forbidden', { reason: 'municipality_out_of_scope' });
  return [...access.scoped];
}

async function effortExists(conn: DuckDBConnection, effortId: string): Promise<boolean> {
  const reader = await conn.runAndReadAll(`SELECT count(*)::INTEGER FROM competence_efforts WHERE effort_id = $id`, { id: effortId });
  return Number(reader.getRows()[0]![0]) > 0;
}

export function competenceRoutes(deps: AppContext): Router {
  const router = Router();
  router.get('/api/competence', async (req, res) => {
    const viewer = viewerOf(res);
    const { format: _format, ...asked } = validateQuery(CompetenceRequest, req);
    const target = asked.school ? `school:${asked.school}` : asked.municipality ? `municipality:${asked.municipality}` : 'scope';
    const rows = await withConnection(deps.instance, async (conn) => {
      const access = accessOf(viewer, await loadSchoolDirectory(conn));
      let allowedSchools: string[] | null;
      try {
        allowedSchools = allowedSchoolsFor(access, asked);
      } catch (error) {
        if (error instanceof HttpError) await auditRequest(deps, req, viewer, { action: 'access_denied', target, details: { endpoint: 'competence', status: error.status } }, conn);
        throw error;
      }
      const q = CompetenceQuery.safeParse({ ...asked, allowedSchools });
      if (!q.success) {
        throw new HttpError(400, 'invalid_parameters', q.error.issues.map((i) => ({ parameter: i.path.join('.'), message: i.message })));
      }
      if (q.data.effort !== undefined && !(await effortExists(conn, q.data.effort))) throw new HttpError(404, 'unknown_effort');
      const result = await competenceBySchool(conn, q.data);
      await auditRequest(deps, req, viewer, { action: 'view_competence', target, details: { from: asked.from, to: asked.to, effort: asked.effort } }, conn);
      return result;
    });
    sendTable(req, res, rows, competenceSchema);
  });
  return router;
}
