/**
 * The table of groups (schools or municipalities) × key figures, with the total of the rows
 * and the median of the groups as reference rows, sortable, with a CSV download. Where the
 * rows of a count do not add up to the total, a note under the table says why.
 */
import type { FigureRow } from '../../api/types.ts';
import { asyncSection } from '../../components/asyncSection.ts';
import { exportButtons } from '../../components/exportButtons.ts';
import { figureCsvColumns } from '../../components/figureTableCsv.ts';
import { figureTable, type ReferenceRow } from '../../components/figureTable.ts';
import { h } from '../../components/h.ts';
import { printFigureTable, type PrintColumn } from '../../components/printFigureTable.ts';
import { emptyMessage } from '../../components/stateMessage.ts';
import { hasData, medianRow } from '../../data/groupStats.ts';
import { totalMismatches } from '../../data/totalMismatches.ts';
import { figureLabel } from '../../i18n/strings.ts';
import { rowName, sortRows } from '../../data/sortRows.ts';
import { fileSlug } from '../../export/download.ts';
import type { ViewContext } from '../viewContext.ts';

export interface GroupTableOptions {
  readonly id: string;
  readonly title: string;
  readonly nameHeader: string;
  readonly load: () => Promise<{ rows: FigureRow[]; total: FigureRow }>;
  /** The total row's name: what it totals (a municipality, all municipalities), never more than it holds. */
  readonly totalLabel: string;
  readonly medianLabel: string;
  readonly rowId: (row: FigureRow) => string;
  readonly name: (row: FigureRow) => Node | string;
  readonly fileName: string;
}

/** The note under the table, one sentence per cause; null when every count adds up. */
function totalNote(ctx: ViewContext, id: string, rows: readonly FigureRow[], total: FigureRow): HTMLElement | null {
  const { t, lang, specs } = ctx;
  const mismatches = totalMismatches(rows, total, specs);
  if (mismatches.length === 0) return null;
  const threshold = ctx.meta.suppression?.threshold ?? 5;
  const labels = (keys: readonly string[]) => keys.map((k) => figureLabel(specs.find((s) => s.key === k)!, lang)).join(', ');
  return h(
    'div',
    { class: 'note total-note', id: `${id}-total-note` },
    mismatches.map((m) => h('p', { 'data-cause': m.cause }, t.totalNote[m.cause](labels(m.keys), threshold))),
  );
}

export function groupTableSection(ctx: ViewContext, o: GroupTableOptions) {
  const { t, lang, specs, state } = ctx;
  const threshold = ctx.meta.suppression?.threshold ?? 5;
  return asyncSection({
    id: o.id,
    title: o.title,
    t,
    after: ctx.sectionsAfter,
    load: async () => {
      const { rows, total } = await o.load();
      if (!hasData(rows)) return emptyMessage(t, ctx.meta.span);
      const references: ReferenceRow[] = [
        { label: o.totalLabel, row: total, showN: true },
        { label: o.medianLabel, row: medianRow(rows, specs), showN: false },
      ];
      // The rows in table order, then the references: for the printed table and the CSV.
      const named: PrintColumn[] = [
        ...sortRows(rows, state.sort, state.dir, specs).map((row) => ({ name: rowName(row), row, showN: true })),
        ...references.map((r) => ({ name: r.label, row: r.row, showN: r.showN })),
      ];
      return h(
        'div',
        {},
        printFigureTable(o.title, named, specs, t, lang, threshold),
        figureTable({
          id: o.id,
          caption: o.title,
          nameHeader: o.nameHeader,
          rows,
          references,
          specs,
          sort: state.sort,
          dir: state.dir,
          onSort: (sort, dir) => ctx.navigate({ sort, dir }),
          name: o.name,
          rowId: o.rowId,
          t,
          lang,
          threshold,
        }),
        totalNote(ctx, o.id, rows, total),
        exportButtons({ name: fileSlug(o.fileName, state.from, state.to), title: o.title, csv: { rows: named, columns: figureCsvColumns(specs, o.nameHeader, t, lang) } }, t),
      );
    },
  });
}
