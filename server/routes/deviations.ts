/**
 * GET /api/deviations?from&to[&asOf][&school|&municipality][&level]: the deviations page's
 * details beyond the 4d figures (etl/deviations/deviationDetails.ts): the open deviations
 * (ids, date, agencies, category, days open), the deviations per pair of agencies and per
 * category. Through the same scope check and audit as /api/figures (figureView): a school
 * outside the viewer's access is 403 as there.
 *
 * All three only for viewers scoped to every school the request covers (an administrator
 * everywhere, a municipality or PPT user in their municipality, a rector at their school);
 * elsewhere `details: null, details_withheld: "not_scoped"`. Why not suppressed counts
 * outside the scope: the open deviations are hidden there in every cell (the stock/flow leak,
 * server/auth/README.md), so per-category open counts would reopen it; and pair and category
 * counts beside the suppressed totals would be new cells for differencing that the school
 * year plan does not protect. `by` is refused: the details are for one scope.
 */
import { Router } from 'express';
import { deviationDetails } from '../../etl/deviations/deviationDetails.ts';
import { figureView } from '../auth/figureView.ts';
import type { AppContext } from '../appContext.ts';
import { cacheAnswers } from '../cache/cacheAnswers.ts';
import { HttpError } from '../http/HttpError.ts';

export function deviationRoutes(deps: AppContext): Router {
  const router = Router();
  router.get('/api/deviations', cacheAnswers(deps), async (req, res) => {
    if (req.query.by !== undefined || req.query.total !== undefined) {
      const parameter = req.query.by !== undefined ? 'by' : 'total';
      throw new HttpError(400, 'invalid_parameters', [{ parameter, message: `avvikene gjelder ett utvalg; ${parameter} kan ikke brukes her` }]);
    }
    const body = await figureView(deps, req, res, 'deviations', async (conn, q, view) => {
      if (!view.isScopedRow({})) return { details: null, details_withheld: 'not_scoped' };
      return { details: await deviationDetails(conn, q) };
    });
    res.json(body);
  });
  return router;
}
