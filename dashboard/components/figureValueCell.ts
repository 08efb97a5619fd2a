/**
 * How one figure of one row reads in a table: the rounded number; "–" with the explanation
 * "ingen grunnlag" for an empty denominator; "skjult" for a suppressed figure; and its n.
 */
import type { FigureRow, FigureSpec } from '../api/types.ts';
import { figureN, figureValue } from '../data/figureValue.ts';
import { formatCount, formatFigure, missingValue } from '../format/numberFormat.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Strings } from '../i18n/strings.ts';
import { h, visuallyHidden } from './h.ts';

/** The value's content: what is seen, and what a screen reader says when that differs. */
export function figureValueContent(row: FigureRow, spec: FigureSpec, t: Strings, lang: Lang): Node[] {
  const v = figureValue(row, spec);
  if (v.state === 'suppressed') return [h('span', { class: 'value suppressed', title: t.suppressedHint }, t.suppressed)];
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
