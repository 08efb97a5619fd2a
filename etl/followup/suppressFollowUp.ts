/**
 * The 4b figures as a viewer outside the scope may see them: the figures of the hidden units
 * set to null, `suppressed` naming them in contract order, `suppressed_reason` why (null when
 * nothing of 4b is hidden). The same result as suppressing the whole key-figure row
 * (suppressRow) and keeping its 4b keys, which is what /api/followup did; it lets the route
 * compute only the 12 figures it shows, since what is hidden depends on the viewer's cell and
 * plan (ViewSuppression.decide), never on the row's own values.
 */
import { followUpKeys, type FigureBaseKey, type FollowUpKey } from '../figures/figureKeys.ts';
import { suppressionUnits, type SuppressedReason } from '../figures/suppressFigures.ts';
import type { FollowUpFigures } from './followUp.ts';

export interface ShownFollowUp {
  readonly figures: FollowUpFigures;
  readonly suppressed: FollowUpKey[];
  readonly suppressed_reason: SuppressedReason | null;
}

export function suppressFollowUp(figures: FollowUpFigures, hiddenUnits: ReadonlySet<FigureBaseKey>, reason: SuppressedReason): ShownFollowUp {
  const hiddenKeys = new Set<string>(suppressionUnits.filter((u) => hiddenUnits.has(u.base)).flatMap((u) => u.figures));
  // followUpKeys are in contract order, as suppressRow sorts its `suppressed`.
  const suppressed = followUpKeys.filter((k) => hiddenKeys.has(k));
  const shown = Object.fromEntries(followUpKeys.map((k) => [k, hiddenKeys.has(k) ? null : figures[k]])) as FollowUpFigures;
  return { figures: shown, suppressed, suppressed_reason: suppressed.length > 0 ? reason : null };
}
