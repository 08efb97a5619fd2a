/**
 * The frame of every figure and series request: parse the query, work out the viewer's
 * access and the schools the SQL may read (403/404 refused and audited), run the work with
 * a ViewSuppression for the rows, and audit which scope was viewed, by whom. Without
 * `asOf`, the period is read as of its last day, or today for a period not yet over (the
 * dashboard's default, and the one as-of date answered outside the viewer's scope).
 */
import type { Request, Response } from 'express';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { FigureQuery } from '../../etl/figures/index.ts';
import type { AppContext } from '../appContext.ts';
import { figureQueryOf } from '../http/figureRequest.ts';
import { HttpError } from '../http/HttpError.ts';
import { assertSeriesSize } from '../http/seriesSize.ts';
import { withConnection } from '../withConnection.ts';
import { auditRequest } from './auditRequest.ts';
import type { RequestAudit } from './requestAudit.ts';
import { askedTarget, checkTotal, scopeFigureQuery } from './figureScope.ts';
import { viewerOf } from './viewer.ts';
import { accessOf } from './viewerAccess.ts';
import { ViewSuppression } from './viewSuppression.ts';

export async function figureView<T>(
  deps: AppContext,
  req: Request,
  res: Response,
  endpoint: string,
  work: (conn: DuckDBConnection, q: FigureQuery, view: ViewSuppression) => Promise<T>,
): Promise<T> {
  const viewer = viewerOf(res);
  const today = deps.today();
  const asked = figureQueryOf(req, today);
  const total = req.query.total === 'all';
  checkTotal(asked, total);
  const details = { endpoint, from: asked.from, to: asked.to, as_of: asked.asOf, by: asked.by, level: asked.level };
  // The audit entries are written after the figure queue's slot is given back: they go in a
  // batch with other requests' entries (AuditWriter.ts), and the next query need not wait.
  let denied: RequestAudit | null = null;
  try {
    const result = await deps.figureQueue(() => withConnection(deps.instance, async (conn) => {
      const access = accessOf(viewer, await deps.schoolDirectory(conn));
      let q: FigureQuery;
      try {
        q = scopeFigureQuery(access, asked, total);
      } catch (error) {
        if (error instanceof HttpError) denied = { action: 'access_denied', target: askedTarget(asked, total), details: { ...details, status: error.status } };
        throw error;
      }
      await assertSeriesSize(conn, q, endpoint);
      const plans = deps.planCache.plansFor(await deps.dataVersion(), access, today, deps.settings.suppressionThreshold);
      return work(conn, q, new ViewSuppression(conn, access, q, plans, today));
    }), viewer.username);
    const audit = { action: 'view_figures', target: askedTarget(asked, total), details } as const;
    await auditRequest(deps, req, viewer, audit);
    // The answer cache writes this entry again for every viewer it serves the answer to.
    res.locals.answerAudit = audit;
    return result;
  } catch (error) {
    if (denied) await auditRequest(deps, req, viewer, denied);
    throw error;
  }
}
