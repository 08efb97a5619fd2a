/**
 * Colours and sizes shared by the charts. Every colour has at least 4.5:1 contrast on white
 * (WCAG non-text contrast asks 3:1), and no chart relies on colour alone: lines are labelled
 * directly, reference lines are dashed, outcomes get panels or labels.
 */
import { ticks } from 'd3';
import type { Outcome } from '../api/types.ts';

export const colours = {
  primary: '#1f5f99',
  reference: '#595959',
  median: '#a34100',
  grid: '#d9d9d9',
  text: '#1a1a1a',
  outcome: { resolved: '#1f5f99', referred_ppt: '#a34100', referred_other: '#6d3f98' } satisfies Record<Outcome, string>,
};

export const dash = '5,4';

/** Each outcome's line pattern, so the incidence lines differ without colour too. */
export const outcomeDashes: Record<Outcome, string> = { resolved: 'none', referred_ppt: '6,3', referred_other: '2,3' };

/** Plot's style for every chart: the page's font and text colour, a readable size. */
export const plotStyle = { fontSize: '12px', fontFamily: 'inherit', color: colours.text, background: 'transparent', overflow: 'visible' };

/** Axis ticks from 0 to max; whole numbers only for counts (no "0,5 meetings"). */
export function axisTicks(max: number, count: number, integer: boolean | undefined): number[] {
  const values = ticks(0, max, count);
  return integer ? values.filter(Number.isInteger) : values;
}

/** Roughly how wide labels are at 12px (bold: wider), for margins that fit school names. */
export function labelWidth(labels: readonly string[], bold = false): number {
  const perCharacter = bold ? 7.4 : 6.8;
  return Math.min(280, Math.max(60, ...labels.map((l) => l.length * perCharacter)) + 12);
}
