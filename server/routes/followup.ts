/**
 * GET /api/followup?from&to[&asOf][&school|&municipality][&level]: the figures of contract
 * section 4b and the five follow-up lists (etl/followup), through the same scope, audit and
 * suppression as /api/figures (server/auth/figureView.ts).
 *
 * - `figures`: the 4b keys of the scope total, suppressed like /api/figures (`suppressed`
 *   names the hidden keys, `suppressed_reason` why: evaluations_overdue,
 *   discussed_before_consent and open_cases_over_90_days rest on individual-part cases).
 * - `lists`: only when the viewer is scoped to every school the request covers (their own
 *   school or municipality; an administrator everywhere). Otherwise `lists` is null and
 *   `lists_withheld` says why ("not_scoped"): the figures of a peer school or of another
 *   municipality's total stay readable, the rows naming its cases do not.
 * - `norms`: the municipality's norms (etl/followup/norms.ts) when every school of the scope is
 *   in one municipality whose norms the viewer may read (their own; an administrator any:
 *   auth/mayReadNorms.ts, as GET /api/norms), with `checks` saying whether the scope meets
 *   each; otherwise null.
 * `by` is refused: the lists are for one scope, not a table of groups. The body: followUpAnswer.ts.
 */
import { Router } from 'express';
import { figureView } from '../auth/figureView.ts';
import type { AppContext } from '../appContext.ts';
import { cacheAnswers } from '../cache/cacheAnswers.ts';
import { HttpError } from '../http/HttpError.ts';
import { followUpAnswer } from './followUpAnswer.ts';
import { withConnection } from '../withConnection.ts';

export function followUpRoutes(deps: AppContext): Router {
  const router = Router();
  router.get('/api/followup', cacheAnswers(deps), async (req, res) => {
    if (req.query.by !== undefined) {
      throw new HttpError(400, 'invalid_parameters', [{ parameter: 'by', message: 'oppfølgingen gjelder ett utvalg; by kan ikke brukes her' }]);
    }
    // A second connection for the lists, within the same figure-queue slot (followUpAnswer).
    const body = await figureView(deps, req, res, 'followup', (conn, q, view) =>
      withConnection(deps.instance, (side) => followUpAnswer(conn, q, view, side)),
    );
    res.json(body);
  });
  return router;
}
