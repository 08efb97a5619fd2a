/** Recurring themes (topics of the discussed cases) and the challenges of the individual cases, ranked by the number of schools. */
import { asyncSection, type AsyncSection } from '../../components/asyncSection.ts';
import { dataTable, type TableColumn } from '../../components/dataTable.ts';
import { exportButtons } from '../../components/exportButtons.ts';
import { h } from '../../components/h.ts';
import { scrollRegion } from '../../components/scrollRegion.ts';
import { rankChallenges, type ChallengeSummary } from '../../data/competence/challengeRanking.ts';
import { rankTopics, type TopicSummary } from '../../data/competence/topicRanking.ts';
import { fileSlug } from '../../export/download.ts';
import type { CompetenceContext } from './competenceContext.ts';
import { challengeLabel, topicLabel } from './strings.ts';

function section<R>(c: CompetenceContext, id: string, title: string, note: string, build: () => Promise<{ rows: R[]; columns: TableColumn<R>[] }>): AsyncSection {
  const { ctx, s } = c;
  return asyncSection({
    id,
    title,
    t: ctx.t,
    load: async () => {
      const { rows, columns } = await build();
      if (!rows.length) return h('p', { class: 'state', 'data-state': 'empty' }, s.noThemes);
      const table = dataTable(title, columns, rows);
      table.id = `table-${id}`;
      return h(
        'div',
        {},
        h('p', { class: 'note' }, note),
        scrollRegion(ctx.t.tableRegion(title), table),
        exportButtons({ name: fileSlug(id, ctx.state.municipality, ctx.state.from, ctx.state.to), title, csv: { rows, columns } }, ctx.t),
      );
    },
  });
}

/** A sum with hidden parts is marked, and says so to screen readers. */
function withHidden(c: CompetenceContext, value: number, hiddenSchools: number): string {
  return hiddenSchools ? `${c.count(value)} + ${c.s.hidden}` : c.count(value);
}

export function themesSection(c: CompetenceContext): AsyncSection {
  const { s } = c;
  return section<TopicSummary>(c, 'competence-themes', s.themes, s.themesNote, async () => ({
    rows: rankTopics((await c.data).demand).filter((t) => t.schools > 0),
    columns: [
      { header: s.theme, value: (t) => topicLabel(t.topic, s), rowHeader: true },
      { header: s.schools, value: (t) => t.schools, text: (t) => c.count(t.schools), numeric: true },
      { header: s.systemCases, value: (t) => t.system_cases, text: (t) => c.count(t.system_cases), numeric: true },
      { header: s.individualCases, value: (t) => t.individual_part_cases, text: (t) => withHidden(c, t.individual_part_cases, t.hiddenSchools), numeric: true },
      { header: s.systemMeasures, value: (t) => t.system_measures_started, text: (t) => c.count(t.system_measures_started), numeric: true },
      { header: s.measureStaff, value: (t) => t.staff_reached, text: (t) => c.count(t.staff_reached), numeric: true },
    ],
  }));
}

export function challengesSection(c: CompetenceContext): AsyncSection {
  const { s } = c;
  return section<ChallengeSummary>(c, 'competence-challenges', s.challenges, s.challengesNote, async () => ({
    rows: rankChallenges((await c.data).challenges),
    columns: [
      { header: s.theme, value: (r) => challengeLabel(r.challenge, s), rowHeader: true },
      { header: s.schools, value: (r) => r.schools, text: (r) => c.count(r.schools), numeric: true },
      { header: s.individualCases, value: (r) => r.individual_cases, text: (r) => withHidden(c, r.individual_cases, r.hiddenSchools), numeric: true },
    ],
  }));
}
