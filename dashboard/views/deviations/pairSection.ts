/**
 * Which agencies the deviations concern together: the agency-pair matrix
 * (charts/agencyPairMatrix.ts) with its table (one row per pair, every pair of the agencies
 * named, 0 included), CSV, PNG and SVG. Only for the viewer's own schools (see
 * server/routes/deviations.ts for why not suppressed counts elsewhere).
 */
import type { DeviationDetailsAnswer } from '../../api/deviationEndpoints.ts';
import { agencyPairMatrix } from '../../charts/agencyPairMatrix.ts';
import { asyncSection, type AsyncSection } from '../../components/asyncSection.ts';
import { chartCard } from '../../components/chartCard.ts';
import type { TableColumn } from '../../components/dataTable.ts';
import { h } from '../../components/h.ts';
import { pairMatrix, type PairCell } from '../../data/deviations/pairMatrix.ts';
import { fileSlug } from '../../export/download.ts';
import { formatCount } from '../../format/numberFormat.ts';
import type { ViewContext } from '../viewContext.ts';
import type { DeviationDetailStrings } from './detailStrings.ts';
import { agencyLabel, type DeviationStrings } from './strings.ts';

export function pairSection(ctx: ViewContext, s: DeviationStrings, d: DeviationDetailStrings, scopeName: string, load: () => Promise<DeviationDetailsAnswer | null>): AsyncSection {
  const { t, lang, state } = ctx;
  return asyncSection({
    id: 'deviations-pairs',
    title: d.pairs,
    t,
    load: async () => {
      const answer = await load();
      if (!answer?.details) return h('p', { class: 'note', 'data-state': 'empty' }, d.withheld);
      const matrix = pairMatrix(answer.details.agency_pairs);
      if (matrix.cells.length === 0) return h('p', { class: 'state', 'data-state': 'empty' }, d.noPairs);
      const label = (code: string) => agencyLabel(code, s);
      const count = (v: number) => formatCount(v, lang);
      const withDeviations = matrix.cells.filter((c) => c.count > 0).length;
      const chart = agencyPairMatrix(
        matrix.cells.map((c) => ({ row: label(c.row), column: label(c.column), count: c.count })),
        { alt: d.pairsAlt(scopeName, count(withDeviations)), agencies: matrix.agencies.map(label), format: count },
      );
      // The table in the matrix's reading order: by the earlier agency, then the later.
      const rows = [...matrix.cells].sort((a, b) => matrix.agencies.indexOf(a.column) - matrix.agencies.indexOf(b.column) || matrix.agencies.indexOf(a.row) - matrix.agencies.indexOf(b.row));
      const columns: TableColumn<PairCell>[] = [
        { header: d.pairA, value: (r) => label(r.column), rowHeader: true },
        { header: d.pairB, value: (r) => label(r.row) },
        { header: s.deviations, value: (r) => r.count, text: (r) => count(r.count), numeric: true },
      ];
      return chartCard({ chart, title: `${d.pairs} – ${scopeName}`, fileName: fileSlug(d.files.pairs, scopeName, state.from, state.to), columns, rows, note: d.pairsNote, t });
    },
  });
}
