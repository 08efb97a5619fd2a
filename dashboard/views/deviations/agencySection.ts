/**
 * Which agencies the deviations concern: the municipality's (or the selection's) deviations
 * per agency as a chart with its table, and the same per school as a table (schools ×
 * agencies). Hidden objects (a school outside the viewer's scope below the threshold) are
 * shown as hidden, never as 0.
 */
import type { FigureRow } from '../../api/types.ts';
import { barChart } from '../../charts/barChart.ts';
import { asyncSection, type AsyncSection } from '../../components/asyncSection.ts';
import { chartCard } from '../../components/chartCard.ts';
import { dataTable, type TableColumn } from '../../components/dataTable.ts';
import { exportButtons } from '../../components/exportButtons.ts';
import { h } from '../../components/h.ts';
import { scrollRegion } from '../../components/scrollRegion.ts';
import { agencyCounts, agencyOrder, parseAgencyCounts, type AgencyCount } from '../../data/deviations/agencyCounts.ts';
import { fileSlug } from '../../export/download.ts';
import { formatCount, formatNumber } from '../../format/numberFormat.ts';
import type { ViewContext } from '../viewContext.ts';
import { agencyLabel, type DeviationStrings } from './strings.ts';

/** A row of /api/figures with the object figure (JSON text in Arrow, an object in JSON). */
type RowWithAgencies = FigureRow & { readonly deviations_by_agency?: unknown };

export function agencySection(ctx: ViewContext, s: DeviationStrings, load: () => Promise<FigureRow>): AsyncSection {
  const { t, lang, state } = ctx;
  const m = state.municipality;
  return asyncSection({
    id: 'deviations-agencies',
    title: s.byAgency,
    t,
    load: async () => {
      const total = (await load()) as RowWithAgencies;
      const byAgency = parseAgencyCounts(total.deviations_by_agency);
      if (byAgency === null) return h('p', { class: 'state', 'data-state': 'empty' }, s.hiddenAgencies);
      const reported = total.deviations_reported ?? 0;
      if (reported === 0) return h('p', { class: 'state', 'data-state': 'empty' }, s.noDeviations);
      const rows = agencyCounts(byAgency);
      const columns: TableColumn<AgencyCount>[] = [
        { header: s.agency, value: (r) => agencyLabel(r.agency, s), rowHeader: true },
        { header: s.deviations, value: (r) => r.count, text: (r) => formatCount(r.count, lang), numeric: true },
        { header: s.shareOfReported, value: (r) => r.count / reported, text: (r) => `${formatNumber((100 * r.count) / reported, lang)} %`, numeric: true },
      ];
      // The overview's bar chart: counts, whole-number ticks, no reference line.
      const bars = rows.map((r) => ({ label: agencyLabel(r.agency, s), value: r.count }));
      const count = (v: number | null) => (v === null ? '–' : formatCount(v, lang));
      const chart = barChart(bars, { alt: s.byAgencyAlt(m, formatCount(reported, lang)), format: count, axisFormat: count, integer: true, width: ctx.chartWidth });
      return chartCard({ chart, title: `${s.byAgency} – ${m}`, fileName: fileSlug(s.files.byAgency, m, state.from, state.to), columns, rows, note: s.byAgencyNote, t });
    },
  });
}

interface SchoolAgencies {
  readonly name: string;
  readonly counts: Readonly<Record<string, number>> | null;
}

export function agencyBySchoolSection(ctx: ViewContext, s: DeviationStrings, load: () => Promise<FigureRow[]>): AsyncSection {
  const { t, lang, state } = ctx;
  const m = state.municipality;
  const title = `${s.agencyBySchool} – ${m}`;
  return asyncSection({
    id: 'deviations-agency-school',
    title: s.agencyBySchool,
    t,
    load: async () => {
      const rows: SchoolAgencies[] = ((await load()) as RowWithAgencies[]).map((r) => ({
        name: r.school_name ?? r.school_id ?? '',
        counts: parseAgencyCounts(r.deviations_by_agency),
      }));
      if (!rows.some((r) => r.counts === null || Object.keys(r.counts).length > 0)) return h('p', { class: 'state', 'data-state': 'empty' }, s.noDeviations);
      const agencies = [...agencyOrder, ...new Set(rows.flatMap((r) => Object.keys(r.counts ?? {})).filter((c) => !(agencyOrder as readonly string[]).includes(c)))];
      const columns: TableColumn<SchoolAgencies>[] = [
        { header: t.schoolColumn, value: (r) => r.name, rowHeader: true },
        ...agencies.map(
          (code): TableColumn<SchoolAgencies> => ({
            header: agencyLabel(code, s),
            // Hidden stays empty in the CSV and says so on screen: never a 0 that was not counted.
            value: (r) => (r.counts === null ? null : (r.counts[code] ?? 0)),
            text: (r) => (r.counts === null ? s.hidden : formatCount(r.counts[code] ?? 0, lang)),
            numeric: true,
          }),
        ),
      ];
      const table = dataTable(title, columns, rows);
      table.id = 'table-deviations-agency-school';
      return h('div', {}, scrollRegion(t.tableRegion(title), table), exportButtons({ name: fileSlug(s.files.agencyBySchool, m, state.from, state.to), title, csv: { rows, columns } }, t));
    },
  });
}
