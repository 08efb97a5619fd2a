/**
 * The 4b key figures of a school this year, last year (with the change) and the median of
 * its municipality's schools (each school's value as the viewer may see it: a peer school's
 * suppressed figure leaves the median, never enters it as 0).
 */
import { getFiguresBy } from '../../api/endpoints.ts';
import type { FigureRow, FigureSpec, Meta } from '../../api/types.ts';
import { getFollowUp } from '../../api/yearWheelEndpoints.ts';
import type { FollowUpAnswer } from '../../api/yearWheelTypes.ts';
import { medianRow } from '../../data/groupStats.ts';
import type { PagePeriod } from './pagePeriod.ts';

export interface KeyFigureRow {
  readonly spec: FigureSpec;
  /** null when missing; `hidden` when suppressed for this viewer. */
  readonly current: number | null | 'hidden';
  readonly previous: number | null | 'hidden';
  readonly change: number | null;
  readonly median: number | null;
}

function shown(answer: FollowUpAnswer, key: string): number | null | 'hidden' {
  if (answer.suppressed.includes(key)) return 'hidden';
  return (answer.figures as Record<string, number | null>)[key] ?? null;
}

export interface KeyFigures {
  readonly current: FollowUpAnswer;
  readonly rows: readonly KeyFigureRow[];
}

export async function loadKeyFigures(meta: Meta, period: PagePeriod, school: { school_id: string; municipality: string }): Promise<KeyFigures> {
  const [current, previous, schools] = await Promise.all([
    getFollowUp({ from: period.from, to: period.to, asOf: period.asOf, school: school.school_id }),
    getFollowUp({ ...period.previous, school: school.school_id }),
    getFiguresBy({ from: period.from, to: period.to, asOf: period.asOf, municipality: school.municipality }, 'school'),
  ]);
  const keys = Object.keys(current.figures);
  const specs = keys.map((k) => meta.figures.find((f) => f.key === k)).filter((s): s is FigureSpec => s !== undefined);
  const median = medianRow(schools as FigureRow[], specs);
  const rows = specs.map((spec) => {
    const now = shown(current, spec.key);
    const before = shown(previous, spec.key);
    const change = typeof now === 'number' && typeof before === 'number' ? now - before : null;
    return { spec, current: now, previous: before, change, median: median[spec.key] };
  });
  return { current, rows };
}
