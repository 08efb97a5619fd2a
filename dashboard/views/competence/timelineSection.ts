/** Efforts over time (start to end, by tier, partner and target group) and, per tier, the share of the staff reached. */
import type { Competence } from '../../api/types.ts';
import { barChart } from '../../charts/barChart.ts';
import { effortTimeline, tierColour } from '../../charts/effortTimeline.ts';
import { asyncSection, type AsyncSection } from '../../components/asyncSection.ts';
import { chartCard } from '../../components/chartCard.ts';
import { h } from '../../components/h.ts';
import { fileSlug } from '../../export/download.ts';
import { formatDate } from '../../format/dateFormat.ts';
import { axisFormatter } from '../../format/numberFormat.ts';
import { tierReach, type TierReach } from '../../data/competence/tierReach.ts';
import type { CompetenceContext } from './competenceContext.ts';
import { tierLabel, topicLabel } from './strings.ts';

type Effort = Competence['efforts'][number];

export function timelineSection(c: CompetenceContext): AsyncSection {
  const { ctx, s } = c;
  return asyncSection({
    id: 'competence-timeline',
    title: s.timeline,
    t: ctx.t,
    load: async () => {
      const data = await c.data;
      if (!data.efforts.length) return h('p', { class: 'state', 'data-state': 'empty' }, s.noEfforts);
      const efforts = [...data.efforts].sort((a, b) => (a.start_date ?? '9999').localeCompare(b.start_date ?? '9999') || (a.tier ?? 9) - (b.tier ?? 9) || a.name.localeCompare(b.name, 'nb'));
      const chart = effortTimeline(
        efforts.map((e) => ({
          label: e.name,
          start: e.start_date,
          end: e.end_date,
          tier: e.tier,
          note: [tierLabel(e.tier, s).split(' – ')[0], e.partner].filter(Boolean).join(' · '),
          title: [e.name, tierLabel(e.tier, s), e.partner, e.target_group, `${c.date(e.start_date)}–${c.date(e.end_date)}`].filter(Boolean).join('\n'),
        })),
        { alt: s.timelineAlt(efforts.length), period: { from: ctx.state.from, to: ctx.state.to }, width: ctx.chartWidth, tickFormat: (d) => formatDate(d.toISOString().slice(0, 10), ctx.lang) },
      );
      const legend = [1, 2, 3].map((tier) => ({ label: tierLabel(tier, s), colour: tierColour(tier) }));
      return chartCard<Effort>({
        chart,
        title: s.timeline,
        fileName: fileSlug('kompetansetiltak', ctx.state.municipality, ctx.state.from, ctx.state.to),
        legend,
        columns: [
          { header: s.effort, value: (e) => e.name, rowHeader: true },
          { header: s.theme, value: (e) => topicLabel(e.theme, s) },
          { header: s.tier, value: (e) => e.tier, text: (e) => tierLabel(e.tier, s) },
          { header: s.partner, value: (e) => e.partner },
          { header: s.targetGroup, value: (e) => e.target_group },
          { header: s.start, value: (e) => e.start_date, text: (e) => c.date(e.start_date) },
          { header: s.end, value: (e) => e.end_date, text: (e) => c.date(e.end_date) },
          { header: s.schoolsReached, value: (e) => e.schools_reached, text: (e) => `${c.count(e.schools_reached)} / ${c.count(e.schools_in_scope)}`, numeric: true },
          { header: s.staffReachedByEfforts, value: (e) => e.staff_reached, text: (e) => c.count(e.staff_reached), numeric: true },
          { header: s.share, value: (e) => e.staff_reach_share, text: (e) => c.share(e.staff_reach_share), numeric: true },
        ],
        rows: efforts,
        t: ctx.t,
      });
    },
  });
}

export function tierSection(c: CompetenceContext): AsyncSection {
  const { ctx, s } = c;
  return asyncSection({
    id: 'competence-tiers',
    title: s.tierShare,
    t: ctx.t,
    load: async () => {
      const data = await c.data;
      const tiers = tierReach(data);
      if (!tiers.length) return h('p', { class: 'state', 'data-state': 'empty' }, s.noEfforts);
      const chart = barChart(
        tiers.map((r) => ({ label: tierLabel(r.tier, s), value: r.share })),
        { alt: s.tierShareAlt, format: c.share, axisFormat: axisFormatter('rate', ctx.lang), unitInterval: tiers.every((r) => (r.share ?? 0) <= 1), width: ctx.chartWidth },
      );
      return chartCard<TierReach>({
        chart,
        title: s.tierShare,
        fileName: fileSlug('kompetanse-niva', ctx.state.municipality, ctx.state.from, ctx.state.to),
        note: s.tierShareRule,
        columns: [
          { header: s.tier, value: (r) => r.tier, text: (r) => tierLabel(r.tier, s), rowHeader: true },
          { header: s.staffReachedByEfforts, value: (r) => r.staff_reached, text: (r) => c.count(r.staff_reached), numeric: true },
          { header: s.staff, value: (r) => r.staff_known, text: (r) => c.count(r.staff_known), numeric: true },
          { header: s.share, value: (r) => r.share, text: (r) => c.share(r.share), numeric: true },
        ],
        rows: tiers,
        t: ctx.t,
      });
    },
  });
}
