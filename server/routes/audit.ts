/**
 * The audit trail over HTTP.
 * GET  /api/audit?limit&before&user&action&school&from&to&views
 *                                 newest entries first, for administrators (reading it is audited
 *                                 too), narrowed on the server: a username, an event, a school
 *                                 (target `school:<id>`), days from/to in Norwegian time
 *                                 (inclusive), views=0 leaves out the view events
 * POST /api/audit/export         {format, view, rows?}: the dashboard reports a CSV/PNG/SVG export
 *                                 (at most 60 per user in 15 minutes, then 429: each report is a row)
 */
import { Router, type RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import * as z from 'zod';
import { AuditAction, readAudit, type AuditRow } from '../../etl/audit/auditLog.ts';
import { IsoDate } from '../../etl/figures/figureQuery.ts';
import { nextDay, osloMidnight } from '../http/osloMidnight.ts';
import { auditRequest } from '../auth/auditRequest.ts';
import { requireRole, viewerOf } from '../auth/viewer.ts';
import type { AppContext } from '../appContext.ts';
import { HttpError } from '../http/HttpError.ts';
import { validateQuery } from '../http/validateQuery.ts';
import { withConnection } from '../withConnection.ts';

const wholeNumber = (max: number) => z.string().regex(/^\d{1,12}$/, 'et heltall').transform(Number).pipe(z.number().int().min(1).max(max));

const Day = IsoDate;

const AuditRequest = z
  .object({
    limit: wholeNumber(1000).optional(),
    before: wholeNumber(Number.MAX_SAFE_INTEGER).optional(),
    user: z.string().min(1).max(200).optional(),
    action: AuditAction.optional(),
    school: z.string().min(1).max(64).optional(),
    from: Day.optional(),
    to: Day.optional(),
    views: z.enum(['0', '1']).optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'fra-datoen må være før eller lik til-datoen', path: ['to'] });

const ExportReport = z
  .object({
    format: z.enum(['csv', 'png', 'svg']),
    /** The page or API address whose data was exported (path and query, same origin). */
    view: z.string().min(1).max(500).regex(/^\/[^\s]*$/, 'en adresse som begynner med /'),
    rows: z.number().int().min(0).max(10_000_000).optional(),
  })
  .strict();

/** What GET /api/audit answers (the dashboard reads this type). */
export interface AuditPage {
  readonly entries: readonly AuditRow[];
  /** The `before` that asks for the next, older page; null on the last page. */
  readonly next_before: number | null;
}

/** Export reports per signed-in user; a refusal is audited as rate_limited (throttled like sign-in limits). */
function exportRateLimit(deps: AppContext): RequestHandler {
  const settings = deps.settings;
  return rateLimit({
    windowMs: settings.exportWindowMs,
    limit: settings.exportLimit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (_req, res) => `user:${viewerOf(res).username}`,
    handler: async (req, res, next) => {
      try {
        await auditRequest(deps, req, viewerOf(res), { action: 'rate_limited', target: 'export', details: { by: 'user' } });
        res.status(429).json({ error: 'too_many_exports' });
      } catch (error) {
        next(error);
      }
    },
  });
}

export function auditRoutes(deps: AppContext): Router {
  const router = Router();
  router.get('/api/audit', async (req, res) => {
    const viewer = viewerOf(res);
    if (viewer.role !== 'admin') {
      await auditRequest(deps, req, viewer, { action: 'access_denied', target: 'audit', details: { status: 403 } });
      requireRole(viewer, 'admin');
    }
    const q = validateQuery(AuditRequest, req);
    const limit = q.limit ?? 100;
    const entries = await withConnection(deps.instance, async (conn) => {
      const rows = await readAudit(conn, {
        limit,
        before: q.before,
        username: q.user,
        action: q.action,
        target: q.school === undefined ? undefined : `school:${q.school}`,
        since: q.from ? osloMidnight(q.from) : undefined,
        until: q.to ? osloMidnight(nextDay(q.to)) : undefined,
        hideViews: q.views === '0',
      });
      await auditRequest(deps, req, viewer, { action: 'view_audit', details: { limit, before: q.before, user: q.user, event: q.action, school: q.school, from: q.from, to: q.to, views: q.views } }, conn);
      return rows;
    });
    const page: AuditPage = { entries, next_before: entries.length === limit ? entries[entries.length - 1]!.audit_id : null };
    res.json(page);
  });
  router.post('/api/audit/export', exportRateLimit(deps), async (req, res) => {
    const viewer = viewerOf(res);
    const body = ExportReport.safeParse(req.body);
    if (!body.success) {
      throw new HttpError(400, 'invalid_body', body.error.issues.map((i) => ({ parameter: i.path.join('.'), message: i.message })));
    }
    const { format, view, rows } = body.data;
    await auditRequest(deps, req, viewer, { action: 'export', target: view, details: { format, rows } });
    res.status(204).end();
  });
  return router;
}
