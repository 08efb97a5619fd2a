/**
 * Every key figure of a school this school year, last year (with the change) and the median
 * of its municipality's schools: the 4b figures of the year wheel first, then those of
 * section 4. Each school's value as the viewer may see it: a peer school's suppressed figure
 * leaves the median, never enters it as 0.
 */
import { getFigures, getFiguresBy } from '../../api/endpoints.ts';
import type { FigureRow, FigureSpec, Meta } from '../../api/types.ts';
import { getFollowUp } from '../../api/yearWheelEndpoints.ts';
import type { FollowUpAnswer } from '../../api/yearWheelTypes.ts';
import { figureValue } from '../../data/figureValue.ts';
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

function shown(row: FigureRow, spec: FigureSpec): number | null | 'hidden' {
  const v = figureValue(row, spec);
  return v.state === 'value' ? v.value : v.state === 'suppressed' ? 'hidden' : null;
}

export interface KeyFigures {
  readonly followUp: FollowUpAnswer;
  readonly rows: readonly KeyFigureRow[];
}

export async function loadKeyFigures(meta: Meta, period: PagePeriod, school: { school_id: string; municipality: string }): Promise<KeyFigures> {
  const now = { from: period.from, to: period.to, asOf: period.asOf };
  const [followUp, current, previous, schools] = await Promise.all([
    getFollowUp({ ...now, school: school.school_id }),
    getFigures({ ...now, school: school.school_id }),
    getFigures({ ...period.previous, school: school.school_id }),
    getFiguresBy({ ...now, municipality: school.municipality }, 'school'),
  ]);
  const yearWheelKeys = new Set(Object.keys(followUp.figures));
  const specs = [...meta.figures.filter((f) => yearWheelKeys.has(f.key)), ...meta.figures.filter((f) => !yearWheelKeys.has(f.key))];
  const median = medianRow(schools, specs);
  const rows = specs.map((spec) => {
    const a = shown(current, spec);
    const b = shown(previous, spec);
    const change = typeof a === 'number' && typeof b === 'number' ? a - b : null;
    return { spec, current: a, previous: b, change, median: median[spec.key] };
  });
  return { followUp, rows };
}
