/**
 * How one figure of one row reads in a table: the rounded number; "–" with the explanation
 * "ingen grunnlag" for an empty denominator; "skjult" for a suppressed figure, with the
 * server's reason as tooltip and for screen readers; and its n.
 */
import type { FigureRow, FigureSpec } from '../api/types.ts';
import { figureN, figureValue } from '../data/figureValue.ts';
import { hiddenReasonOf } from '../data/hiddenReason.ts';
import { formatCount, formatFigure, missingValue } from '../format/numberFormat.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Strings } from '../i18n/strings.ts';
import { h, visuallyHidden } from './h.ts';

/** The value's content: what is seen, and what a screen reader says when that differs. */
export function figureValueContent(row: FigureRow, spec: FigureSpec, t: Strings, lang: Lang, threshold: number): Node[] {
  const v = figureValue(row, spec);
  if (v.state === 'suppressed') {
    const reason = hiddenReasonOf(row) ?? 'hidden';
    const hint = t.hiddenHint[reason](threshold);
    // The visible word stays «skjult»; the reason after it is read out, and shown on hover.
    return [h('span', { class: 'value suppressed', title: hint, 'data-reason': reason }, t.suppressed), visuallyHidden(` (${hint})`)];
  }
  if (v.state === 'missing') {
    return [h('span', { class: 'value missing', title: t.noBasis, 'aria-hidden': 'true' }, missingValue), visuallyHidden(t.noBasis)];
  }
  return [h('span', { class: 'value' }, formatFigure(v.value, spec.kind, lang))];
}

/** `n = 1 234` under the value, when the figure rests on a base. */
export function figureNContent(row: FigureRow, spec: FigureSpec, t: Strings, lang: Lang): HTMLElement | null {
  const n = figureN(row, spec);
  return n === null ? null : h('span', { class: 'n' }, t.nOf(formatCount(n, lang)));
}
