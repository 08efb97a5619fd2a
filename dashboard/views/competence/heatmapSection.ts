/** Need against reach: schools × topics, demand in each cell, high demand with low reach marked by the rule stated above the chart. */
import { demandHeatmap } from '../../charts/demandHeatmap.ts';
import { asyncSection, type AsyncSection } from '../../components/asyncSection.ts';
import { chartCard } from '../../components/chartCard.ts';
import { h } from '../../components/h.ts';
import { demandGaps, type GapCell } from '../../data/competence/demandGaps.ts';
import { rankTopics } from '../../data/competence/topicRanking.ts';
import { fileSlug } from '../../export/download.ts';
import type { CompetenceContext } from './competenceContext.ts';
import { topicLabel } from './strings.ts';

export function heatmapSection(c: CompetenceContext): AsyncSection {
  const { ctx, s } = c;
  return asyncSection({
    id: 'competence-heatmap',
    title: s.heatmap,
    t: ctx.t,
    load: async () => {
      const data = await c.data;
      const topics = rankTopics(data.demand).filter((t) => t.schools > 0).map((t) => t.topic);
      if (!topics.length || !data.schools.length) return h('p', { class: 'state', 'data-state': 'empty' }, s.noThemes);
      const cells = demandGaps(data, topics);
      const reachText = (cell: GapCell) => (!cell.reached ? s.none : c.share(cell.reachShare).replace('–', s.unknown));
      const demandText = (cell: GapCell) => (cell.demandHidden ? `${c.count(cell.demand)}*` : c.count(cell.demand));
      const rowIndex = new Map(data.schools.map((x, i) => [x.school_id, i]));
      const chart = demandHeatmap(
        cells.map((cell) => ({
          row: rowIndex.get(cell.school_id)!,
          column: topics.indexOf(cell.topic),
          value: cell.demand,
          text: demandText(cell),
          label: s.cell(cell.school_name, topicLabel(cell.topic, s), demandText(cell), reachText(cell), cell.gap),
          marked: cell.gap,
          reach: cell.reached ? cell.reachShare : null,
        })),
        { alt: `${s.heatmapAlt} ${s.heatmapKeys}`, rows: data.schools.map((x) => x.school_name), columns: topics.map((t) => topicLabel(t, s)) },
      );
      const card = chartCard<GapCell>({
        chart,
        title: s.heatmap,
        fileName: fileSlug('kompetanse-behov-dekning', ctx.state.municipality, ctx.state.from, ctx.state.to),
        legend: [
          { label: s.gap, colour: '#a34100' },
          { label: s.reachBar, colour: '#1a1a1a' },
        ],
        columns: [
          { header: s.school, value: (x) => x.school_name, rowHeader: true },
          { header: s.theme, value: (x) => topicLabel(x.topic, s) },
          { header: s.demand, value: (x) => x.demand, text: demandText, numeric: true },
          { header: s.share, value: (x) => (x.reached ? x.reachShare : 0), text: reachText, numeric: true },
          { header: s.gap, value: (x) => (x.gap ? 1 : 0), text: (x) => (x.gap ? '!' : '') },
        ],
        rows: cells,
        t: ctx.t,
      });
      return h('div', {}, h('p', { class: 'note gap-rule', id: 'gap-rule' }, s.gapRule), h('p', { class: 'note screen-only' }, s.heatmapKeys), card);
    },
  });
}
