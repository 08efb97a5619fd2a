/**
 * PPT leadership's page (`?view=competence`), for PPT, the municipality and administrators:
 * the efforts over time and per tier the share of staff reached, who each effort reached
 * (and which schools not), the recurring themes and challenges of the resource teams' own
 * cases, need against reach as a heatmap, and the needs report ("Kompetansebehov") as CSV
 * and A4. One request (GET /api/competence) for the chosen period, municipality and level;
 * for a whole school year two more, its autumn and spring terms, for the themes per term.
 */
import '../styles/competence.css';
import { getCompetence } from '../api/adminEndpoints.ts';
import { h } from '../components/h.ts';
import { schoolYearPeriod } from '../../etl/calendar/period.ts';
import { competenceContext } from './competence/competenceContext.ts';
import { heatmapSection } from './competence/heatmapSection.ts';
import { needsSection } from './competence/needsSection.ts';
import { reachSection } from './competence/reachSection.ts';
import { challengesSection, themesSection } from './competence/themesSection.ts';
import { competenceStrings } from './competence/strings.ts';
import { tierSection, timelineSection } from './competence/timelineSection.ts';
import type { ViewContext, ViewResult } from './viewContext.ts';

export function competenceView(ctx: ViewContext): ViewResult {
  const { state } = ctx;
  const scope = { municipality: state.municipality, level: state.level ?? undefined };
  const data = getCompetence({ from: state.from, to: state.to, ...scope });
  // A whole school year: the themes and challenges also per term (two more requests).
  const s = competenceStrings(ctx.lang);
  const terms =
    state.term === 'year'
      ? Promise.all(
          (['autumn', 'spring'] as const).map(async (term) => {
            const period = schoolYearPeriod(state.year, term);
            return { label: s.termLabel(term, Number(period.from.slice(0, 4))), data: await getCompetence({ ...period, ...scope }) };
          }),
        )
      : null;
  const c = competenceContext(ctx, data, terms);
  const sections = [timelineSection(c), tierSection(c), reachSection(c), themesSection(c), challengesSection(c), heatmapSection(c), needsSection(c)];
  const element = h('div', { class: 'view view-competence' }, h('h1', {}, c.s.heading(state.municipality)), h('p', { class: 'intro' }, c.s.intro), sections.map((s) => s.element));
  return { element, ready: Promise.all(sections.map((s) => s.ready)) };
}
