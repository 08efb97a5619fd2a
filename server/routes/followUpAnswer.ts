/**
 * The body of GET /api/followup for a scoped query (routes/followup.ts says what each part
 * means). The suppression input is the viewer's decision for the scope total
 * (ViewSuppression.decide: the cell and the school-year plans), not a full key-figure row:
 * what is hidden never depends on the row's own values, so only the 12 figures of 4b are
 * computed (someFiguresSql), and the facts are checked once for the figures and the lists.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { FigureQuery } from '../../etl/figures/index.ts';
import { ensureFigureFacts } from '../../etl/figures/facts/ensureFigureFacts.ts';
import { followUpFigures } from '../../etl/followup/followUp.ts';
import { followUpLists, type FollowUpLists } from '../../etl/followup/followUpLists.ts';
import { followUpNorms, type FollowUpNorms } from '../../etl/followup/followUpNorms.ts';
import { suppressFollowUp, type ShownFollowUp } from '../../etl/followup/suppressFollowUp.ts';
import { mayReadNorms } from '../auth/mayReadNorms.ts';
import type { ViewSuppression } from '../auth/viewSuppression.ts';

export type FollowUpAnswer = ShownFollowUp & {
  readonly norms: FollowUpNorms | null;
  readonly lists: FollowUpLists | null;
  readonly lists_withheld?: 'not_scoped';
};

/**
 * With `side`, a second connection to the database, the lists (for a scoped viewer) run on
 * it while the figures, the suppression decision and the norms run on `conn`: each statement
 * is mostly planning, on one thread, so on two cores the page's answer takes about as long
 * as the slower half.
 */
export async function followUpAnswer(conn: DuckDBConnection, q: FigureQuery, view: ViewSuppression, side?: DuckDBConnection): Promise<FollowUpAnswer> {
  const at = await ensureFigureFacts(conn);
  const shownWithNorms = async () => {
    const { hidden, reason } = await view.decide({});
    const shown = suppressFollowUp(await followUpFigures(conn, q, at), hidden, reason);
    // The norm checks read only meeting figures, never suppressed. Another municipality's
    // norms (and its number of schools, in the checks) are not the viewer's to read: null,
    // as GET /api/norms refuses them.
    const scope = view.schoolsOf({});
    const normsReadable = scope.every((s) => mayReadNorms(view.access, s.municipality));
    const norms = normsReadable ? await followUpNorms(conn, scope, shown.figures, q) : null;
    return { ...shown, norms };
  };
  if (!view.isScopedRow({})) return { ...(await shownWithNorms()), lists: null, lists_withheld: 'not_scoped' };
  if (!side) {
    const shown = await shownWithNorms();
    return { ...shown, lists: await followUpLists(conn, q, at) };
  }
  const [shown, lists] = await Promise.all([shownWithNorms(), followUpLists(side, q, at)]);
  return { ...shown, lists };
}
