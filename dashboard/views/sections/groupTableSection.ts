/**
 * The table of groups (schools or municipalities) × key figures, with the scope's total and
 * the median of the groups as reference rows, sortable, with a CSV download.
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
import { rowName, sortRows } from '../../data/sortRows.ts';
import { fileSlug } from '../../export/download.ts';
import type { ViewContext } from '../viewContext.ts';

export interface GroupTableOptions {
  readonly id: string;
  readonly title: string;
  readonly nameHeader: string;
  readonly load: () => Promise<{ rows: FigureRow[]; total: FigureRow }>;
  readonly totalLabel: string;
  readonly medianLabel: string;
  readonly rowId: (row: FigureRow) => string;
  readonly name: (row: FigureRow) => Node | string;
  readonly fileName: string;
}

export function groupTableSection(ctx: ViewContext, o: GroupTableOptions) {
  const { t, lang, specs, state } = ctx;
  return asyncSection({
    id: o.id,
    title: o.title,
    t,
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
        printFigureTable(o.title, named, specs, t, lang),
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
        }),
        exportButtons({ name: fileSlug(o.fileName, state.from, state.to), title: o.title, csv: { rows: named, columns: figureCsvColumns(specs, o.nameHeader, t, lang) } }, t),
      );
    },
  });
}
