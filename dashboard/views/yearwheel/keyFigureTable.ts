/** The key figures against last year and the municipality's median, as a table (with CSV). */
import { exportButtons } from '../../components/exportButtons.ts';
import { dataTable, type TableColumn } from '../../components/dataTable.ts';
import { h } from '../../components/h.ts';
import { scrollRegion } from '../../components/scrollRegion.ts';
import { formatFigure, formatNumber } from '../../format/numberFormat.ts';
import type { Lang } from '../../i18n/lang.ts';
import { figureLabel, type Strings } from '../../i18n/strings.ts';
import type { KeyFigureRow } from './keyFigureRows.ts';
import type { PagePeriod } from './pagePeriod.ts';
import type { YearWheelStrings } from './strings.ts';

/** `+3`, `−0,5`, `+4,2 prosentpoeng`; rates change in percentage points. */
export function changeText(row: KeyFigureRow, lang: Lang, s: YearWheelStrings): string {
  if (row.change === null) return '–';
  const sign = row.change > 0 ? '+' : '';
  if (row.spec.kind === 'rate') return `${sign}${formatNumber(row.change * 100, lang, 1).replace('-', '\u2212')} ${s.points}`;
  return `${sign}${formatFigure(row.change, row.spec.kind, lang)}`;
}

export function keyFigureTable(rows: readonly KeyFigureRow[], o: { s: YearWheelStrings; t: Strings; lang: Lang; period: PagePeriod; municipality: string; fileName: string; caption: string }): HTMLElement {
  const { s, lang } = o;
  const value = (v: number | null | 'hidden', r: KeyFigureRow) => (v === 'hidden' ? s.hidden : formatFigure(v, r.spec.kind, lang));
  const exact = (v: number | null | 'hidden') => (v === 'hidden' ? s.hidden : v);
  const columns: TableColumn<KeyFigureRow>[] = [
    { header: s.figureColumn, value: (r) => figureLabel(r.spec, lang), rowHeader: true },
    { header: s.thisYear(o.period.label), value: (r) => exact(r.current), text: (r) => value(r.current, r), numeric: true },
    { header: s.lastYear(o.period.previous.label), value: (r) => exact(r.previous), text: (r) => value(r.previous, r), numeric: true },
    { header: s.change, value: (r) => r.change, text: (r) => changeText(r, lang, s), numeric: true },
    { header: s.municipalityMedian(o.municipality), value: (r) => r.median, text: (r) => formatFigure(r.median, r.spec.kind, lang), numeric: true },
  ];
  const table = dataTable(o.caption, columns, rows);
  table.id = 'key-figure-table';
  return h('div', {}, scrollRegion(o.caption, table), exportButtons({ name: o.fileName, title: o.caption, csv: { rows, columns } }, o.t));
}
