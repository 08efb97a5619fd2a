/**
 * PPT's competence efforts: participation per effort × school in the period, as a table,
 * and the participants per effort as bars.
 */
import { getCompetence } from '../api/adminEndpoints.ts';
import type { CompetenceRow } from '../api/types.ts';
import { barChart } from '../charts/barChart.ts';
import { asyncSection } from '../components/asyncSection.ts';
import { chartCard } from '../components/chartCard.ts';
import { dataTable } from '../components/dataTable.ts';
import { h } from '../components/h.ts';
import { scrollRegion } from '../components/scrollRegion.ts';
import { emptyMessage } from '../components/stateMessage.ts';
import { fileSlug } from '../export/download.ts';
import { axisFormatter, formatCount } from '../format/numberFormat.ts';
import type { ViewContext, ViewResult } from './viewContext.ts';

interface EffortTotal {
  readonly effort: string;
  readonly participants: number;
}

function byEffort(rows: readonly CompetenceRow[]): EffortTotal[] {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.effort_name, (totals.get(r.effort_name) ?? 0) + Number(r.participants));
  return [...totals].map(([effort, participants]) => ({ effort, participants })).sort((a, b) => b.participants - a.participants);
}

export function competenceView(ctx: ViewContext): ViewResult {
  const { t, lang, state } = ctx;
  const load = () => getCompetence(state.from, state.to);
  const count = (v: number | null) => formatCount(v, lang);
  const table = asyncSection({
    id: 'competence',
    title: t.competence.table,
    t,
    load: async () => {
      const rows = await load();
      if (!rows.length) return emptyMessage(t, ctx.meta.span);
      const el = dataTable<CompetenceRow>(
        t.competence.table,
        [
          { header: t.competence.effort, value: (r) => r.effort_name, rowHeader: true },
          { header: t.competence.theme, value: (r) => r.theme ?? '' },
          { header: t.schoolColumn, value: (r) => r.school_name },
          { header: t.municipalityColumn, value: (r) => r.municipality },
          { header: t.competence.sessions, value: (r) => Number(r.sessions), text: (r) => count(Number(r.sessions)), numeric: true },
          { header: t.competence.participants, value: (r) => Number(r.participants), text: (r) => count(Number(r.participants)), numeric: true },
        ],
        rows,
      );
      el.id = 'table-competence';
      return scrollRegion(t.competence.table, el);
    },
  });
  const bars = asyncSection({
    id: 'competence-bars',
    title: t.competence.bars,
    t,
    load: async () => {
      const totals = byEffort(await load());
      if (!totals.length) return emptyMessage(t, ctx.meta.span);
      const chart = barChart(
        totals.map((e) => ({ label: e.effort, value: e.participants })),
        { alt: t.competence.barsAlt, format: count, axisFormat: axisFormatter('count', lang), integer: true, width: ctx.chartWidth },
      );
      return chartCard<EffortTotal>({
        chart,
        title: t.competence.bars,
        fileName: fileSlug('kompetanse-deltakere', state.from, state.to),
        columns: [
          { header: t.competence.effort, value: (e) => e.effort, rowHeader: true },
          { header: t.competence.participants, value: (e) => e.participants, text: (e) => count(e.participants), numeric: true },
        ],
        rows: totals,
        t,
      });
    },
  });
  const element = h('div', { class: 'view view-competence' }, h('h1', {}, t.competence.heading), table.element, bars.element);
  return { element, ready: Promise.all([table.ready, bars.ready]) };
}
