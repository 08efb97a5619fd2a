/** What every section of the competence page shares: the view's context, its words, the data and formatters. */
import type { Competence } from '../../api/types.ts';
import { formatDate } from '../../format/dateFormat.ts';
import { formatCount, formatFigure } from '../../format/numberFormat.ts';
import type { ViewContext } from '../viewContext.ts';
import { competenceStrings, type CompetenceStrings } from './strings.ts';

export interface CompetenceContext {
  readonly ctx: ViewContext;
  readonly s: CompetenceStrings;
  /** One request for the whole page. */
  readonly data: Promise<Competence>;
  /** For a whole school year: the autumn and the spring term asked apart (themes per term); null otherwise. */
  readonly terms: Promise<ReadonlyArray<{ readonly label: string; readonly data: Competence }>> | null;
  readonly count: (value: number | null) => string;
  readonly share: (value: number | null) => string;
  readonly date: (iso: string | null) => string;
  /** School names by id (the schools in the selection). */
  readonly schoolName: (data: Competence, id: string) => string;
}

export function competenceContext(ctx: ViewContext, data: Promise<Competence>, terms: CompetenceContext['terms'] = null): CompetenceContext {
  return {
    ctx,
    s: competenceStrings(ctx.lang),
    data,
    terms,
    count: (v) => formatCount(v, ctx.lang),
    share: (v) => formatFigure(v, 'rate', ctx.lang),
    date: (iso) => (iso ? formatDate(iso, ctx.lang) : '–'),
    schoolName: (d, id) => d.schools.find((x) => x.school_id === id)?.school_name ?? id,
  };
}
