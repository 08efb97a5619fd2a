/**
 * Recurring themes (topics of the discussed cases) and the challenges of the individual
 * cases, ranked by the number of schools; for a whole school year also per term (autumn and
 * spring asked apart), in the year's order, under the year's table.
 */
import { asyncSection, type AsyncSection } from '../../components/asyncSection.ts';
import { dataTable, type TableColumn } from '../../components/dataTable.ts';
import { exportButtons } from '../../components/exportButtons.ts';
import { h } from '../../components/h.ts';
import { scrollRegion } from '../../components/scrollRegion.ts';
import { rankChallenges, type ChallengeSummary } from '../../data/competence/challengeRanking.ts';
import { termRows, type TermRow } from '../../data/competence/termRows.ts';
import { rankTopics, type TopicSummary } from '../../data/competence/topicRanking.ts';
import { fileSlug } from '../../export/download.ts';
import type { CompetenceContext } from './competenceContext.ts';
import { challengeLabel, topicLabel } from './strings.ts';

interface Table<R> {
  readonly rows: R[];
  readonly columns: TableColumn<R>[];
}

function section<R, T>(c: CompetenceContext, id: string, title: string, note: string, build: () => Promise<Table<R>>, perTerm?: (year: R[]) => Promise<Table<T> | null>): AsyncSection {
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
      const terms = perTerm ? await perTerm(rows) : null;
      const termTitle = `${title}: ${s.perTerm.toLowerCase()}`;
      const termTable = terms ? dataTable(termTitle, terms.columns, terms.rows) : null;
      if (termTable) termTable.id = `table-${id}-terms`;
      return h(
        'div',
        {},
        h('p', { class: 'note' }, note),
        scrollRegion(ctx.t.tableRegion(title), table),
        exportButtons({ name: fileSlug(id, ctx.state.municipality, ctx.state.from, ctx.state.to), title, csv: { rows, columns } }, ctx.t),
        terms && termTable
          ? h(
              'div',
              { class: 'per-term', id: `${id}-terms` },
              h('h3', {}, s.perTerm),
              h('p', { class: 'note' }, s.perTermNote),
              scrollRegion(ctx.t.tableRegion(termTitle), termTable),
              exportButtons({ name: fileSlug(`${id}-${s.perTerm}`, ctx.state.municipality, ctx.state.from, ctx.state.to), title: termTitle, csv: { rows: terms.rows, columns: terms.columns } }, ctx.t),
            )
          : null,
      );
    },
  });
}

/** The year's ranking split by term, or null when the period is not a whole school year. */
async function byTerm<S>(c: CompetenceContext, year: S[], codeOf: (s: S) => string, rank: (data: Awaited<CompetenceContext['data']>) => S[], empty: (code: string) => S): Promise<TermRow<S>[] | null> {
  if (!c.terms) return null;
  const terms = (await c.terms).map((t) => ({ label: t.label, ranking: rank(t.data) }));
  return termRows(year, codeOf, terms, empty);
}

/** A sum with hidden parts is marked, and says so to screen readers. */
function withHidden(c: CompetenceContext, value: number, hiddenSchools: number): string {
  return hiddenSchools ? `${c.count(value)} + ${c.s.hidden}` : c.count(value);
}

const emptyTopic = (topic: string): TopicSummary => ({ topic, schools: 0, system_cases: 0, individual_part_cases: 0, system_measures_started: 0, staff_reached: 0, hiddenSchools: 0 });
const emptyChallenge = (challenge: string): ChallengeSummary => ({ challenge, schools: 0, individual_cases: 0, hiddenSchools: 0 });

function topicColumns(c: CompetenceContext): TableColumn<TopicSummary>[] {
  const { s } = c;
  return [
    { header: s.schools, value: (t) => t.schools, text: (t) => c.count(t.schools), numeric: true },
    { header: s.systemCases, value: (t) => t.system_cases, text: (t) => c.count(t.system_cases), numeric: true },
    { header: s.individualCases, value: (t) => t.individual_part_cases, text: (t) => withHidden(c, t.individual_part_cases, t.hiddenSchools), numeric: true },
    { header: s.systemMeasures, value: (t) => t.system_measures_started, text: (t) => c.count(t.system_measures_started), numeric: true },
    { header: s.measureStaff, value: (t) => t.staff_reached, text: (t) => c.count(t.staff_reached), numeric: true },
  ];
}

function challengeColumns(c: CompetenceContext): TableColumn<ChallengeSummary>[] {
  const { s } = c;
  return [
    { header: s.schools, value: (r) => r.schools, text: (r) => c.count(r.schools), numeric: true },
    { header: s.individualCases, value: (r) => r.individual_cases, text: (r) => withHidden(c, r.individual_cases, r.hiddenSchools), numeric: true },
  ];
}

/** The per-term table's columns: the code, the term, then the year's columns on each term's summary. */
function termColumns<S>(c: CompetenceContext, label: (code: string) => string, columns: TableColumn<S>[]): TableColumn<TermRow<S>>[] {
  return [
    { header: c.s.theme, value: (r) => label(r.code), rowHeader: true },
    { header: c.s.termColumn, value: (r) => r.term },
    ...columns.map((col) => ({
      header: col.header,
      value: (r: TermRow<S>) => col.value(r.summary),
      ...(col.text ? { text: (r: TermRow<S>) => col.text!(r.summary) } : {}),
      numeric: col.numeric,
    })),
  ];
}

export function themesSection(c: CompetenceContext): AsyncSection {
  const { s } = c;
  const label = (topic: string) => topicLabel(topic, s);
  return section<TopicSummary, TermRow<TopicSummary>>(
    c,
    'competence-themes',
    s.themes,
    s.themesNote,
    async () => ({
      rows: rankTopics((await c.data).demand).filter((t) => t.schools > 0),
      columns: [{ header: s.theme, value: (t) => label(t.topic), rowHeader: true }, ...topicColumns(c)],
    }),
    async (year) => {
      const rows = await byTerm(c, year, (t) => t.topic, (d) => rankTopics(d.demand), emptyTopic);
      return rows ? { rows, columns: termColumns(c, label, topicColumns(c)) } : null;
    },
  );
}

export function challengesSection(c: CompetenceContext): AsyncSection {
  const { s } = c;
  const label = (code: string) => challengeLabel(code, s);
  return section<ChallengeSummary, TermRow<ChallengeSummary>>(
    c,
    'competence-challenges',
    s.challenges,
    s.challengesNote,
    async () => ({
      rows: rankChallenges((await c.data).challenges),
      columns: [{ header: s.theme, value: (r) => label(r.challenge), rowHeader: true }, ...challengeColumns(c)],
    }),
    async (year) => {
      const rows = await byTerm(c, year, (r) => r.challenge, (d) => rankChallenges(d.challenges), emptyChallenge);
      return rows ? { rows, columns: termColumns(c, label, challengeColumns(c)) } : null;
    },
  );
}
