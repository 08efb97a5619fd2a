/**
 * How the year wheel and its timeline draw each kind of mark. Status is told by fill and by
 * outline (solid, hollow, dashed), not by colour alone; each colour has at least 3:1 contrast
 * on white (WCAG 1.4.11).
 */
export type MarkKind = 'done' | 'missed' | 'upcoming' | 'held' | 'cancelled' | 'tgl';

export interface MarkStyle {
  readonly fill: string;
  readonly stroke: string;
  readonly dash?: string;
}

export const markStyles: Readonly<Record<MarkKind, MarkStyle>> = {
  done: { fill: '#1b7a3a', stroke: '#0f4d23' },
  missed: { fill: '#c0392b', stroke: '#7a1f16' },
  upcoming: { fill: '#ffffff', stroke: '#596273', dash: '3 2' },
  held: { fill: '#1f4e99', stroke: '#143366' },
  cancelled: { fill: '#ffffff', stroke: '#1f4e99' },
  tgl: { fill: '#7b3fa0', stroke: '#4f2766' },
};
