/**
 * What the deviations page shows beyond the figures of section 4d (issue 14), for one scope,
 * period and as-of date: the list of open deviations, the deviations reported per pair of
 * agencies, and per category (reported, open, waiting for an answer past two months). Each
 * follows the 4d rules exactly (the same open, overdue and reported tests as
 * etl/figures/definitions/deviationFigures.ts), so the per-category columns add up to the
 * figures and the list has as many rows as `deviations_open`.
 *
 * Rows name deviations by their id and school: callers show all of this only to viewers
 * scoped to every school it covers (the open deviations are hidden outside the scope
 * entirely, server/auth/README.md, and a breakdown of the others beside the suppressed
 * totals would give hidden cells away by difference). No free text is ever stored, so none
 * can be shown.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { FigureQuery } from '../figures/figureQuery.ts';
import { answerDueDays } from '../figures/followUpRules.ts';
import { runFigureSql, type PlainRow } from '../figures/runFigureSql.ts';
import { scopeCte } from '../figures/scopeSql.ts';
import { agencies as agencyVocabulary, deviationCategory } from '../contract/vocabularies.ts';

export interface OpenDeviation {
  readonly deviation_id: string;
  readonly school_id: string;
  readonly date: string;
  /** Each agency once, in the contract's order. */
  readonly agencies: readonly string[];
  readonly category: string | null;
  /** Days from the deviation's date to the end of the period, or to the as-of date if earlier. */
  readonly days_open: number;
  /** Counted in `deviations_answer_overdue`: no answer after 60 days. */
  readonly answer_overdue: boolean;
}

export interface AgencyPairCount {
  /** The two agencies, `a` before `b` in the contract's order. */
  readonly a: string;
  readonly b: string;
  /** Deviations reported in the period that name both. */
  readonly reported: number;
}

export interface CategoryCount {
  /** A category code, or null where the export gave none. */
  readonly category: string | null;
  readonly reported: number;
  readonly open: number;
  readonly answer_overdue: number;
}

export interface DeviationDetails {
  readonly open_deviations: readonly OpenDeviation[];
  readonly agency_pairs: readonly AgencyPairCount[];
  readonly categories: readonly CategoryCount[];
}

/** A closed vocabulary's codes (constants of the contract, never input) as a SQL list: position = order. */
const orderList = (codes: readonly string[]) => `[${codes.map((c) => `'${c}'`).join(', ')}]`;
/** The rank of a code in its vocabulary; a code it does not know after all of them. */
const rank = (codes: readonly string[], column: string) => `coalesce(list_position(${orderList(codes)}, ${column}), 99)`;
const agencyRank = (column: string) => rank(agencyVocabulary.codes, column);

/** In-scope deviations, each agency once; the same three tests as the 4d figures. */
const factsCte = `facts AS (
  SELECT d.deviation_id, sc.school_id, d.date, d.category, list_distinct(d.agencies) AS agencies,
         d.date BETWEEN $from AND $to AS reported,
         d.date <= $to AND NOT coalesce(d.resolved_date <= $to, false) AS open,
         d.date <= $to AND $as_of - d.date > ${answerDueDays}
           AND NOT coalesce(d.answered_date <= $as_of, false) AND NOT coalesce(d.resolved_date <= $as_of, false) AS answer_overdue
  FROM deviations d JOIN scope sc ON sc.school_id = d.school_id
)`;

const sql = {
  open_deviations: `
SELECT deviation_id, school_id, strftime(date, '%Y-%m-%d') AS date,
       array_to_string(list_transform(list_sort(list_transform(agencies, a -> [lpad(${agencyRank('a')}::VARCHAR, 2, '0'), a])), p -> p[2]), '|') AS agencies, category,
       (least($to, $as_of) - date)::INTEGER AS days_open, answer_overdue
FROM facts WHERE open
ORDER BY days_open DESC, deviation_id`,

  // Each unordered pair of different agencies a deviation names, once per deviation.
  agency_pairs: `
-- Each pair ordered by the contract's order (an unknown code after, by its text).
, named AS (SELECT deviation_id, agency, ${agencyRank('agency')} AS r FROM (SELECT deviation_id, unnest(agencies) AS agency FROM facts WHERE reported))
SELECT x.agency AS a, y.agency AS b, count(*)::INTEGER AS reported
FROM named x JOIN named y ON x.deviation_id = y.deviation_id AND (x.r < y.r OR (x.r = y.r AND x.agency < y.agency))
GROUP BY x.agency, x.r, y.agency, y.r
ORDER BY x.r, a, y.r, b`,

  categories: `
SELECT category,
       count(*) FILTER (WHERE reported)::INTEGER AS reported,
       count(*) FILTER (WHERE open)::INTEGER AS open,
       count(*) FILTER (WHERE answer_overdue)::INTEGER AS answer_overdue
FROM facts WHERE reported OR open OR answer_overdue
GROUP BY category
ORDER BY ${rank(deviationCategory.codes, 'category')}, category NULLS LAST`,
};

async function rowsOf(conn: DuckDBConnection, q: FigureQuery, body: string): Promise<PlainRow[]> {
  return runFigureSql(conn, `WITH ${scopeCte('all')},\n${factsCte}\n${body.trimStart()}`, q);
}

export async function deviationDetails(conn: DuckDBConnection, q: FigureQuery): Promise<DeviationDetails> {
  const open = await rowsOf(conn, q, sql.open_deviations);
  return {
    open_deviations: open.map((r) => ({
      deviation_id: String(r.deviation_id),
      school_id: String(r.school_id),
      date: String(r.date),
      agencies: String(r.agencies).split('|'),
      category: r.category === null ? null : String(r.category),
      days_open: Number(r.days_open),
      answer_overdue: r.answer_overdue === true,
    })),
    agency_pairs: (await rowsOf(conn, q, sql.agency_pairs)) as unknown as AgencyPairCount[],
    categories: (await rowsOf(conn, q, sql.categories)) as unknown as CategoryCount[],
  };
}
