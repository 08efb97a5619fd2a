/**
 * The selection form: school year, term or own dates, as-of date, municipality, school
 * level, school (school page) and the figure the charts show. Every change becomes a new
 * state (and URL) at once; a custom period is applied only when from ≤ to.
 */
import { schoolLevels } from '../api/types.ts';
import { formatDate, parseDate } from '../format/dateFormat.ts';
import { figureLabel } from '../i18n/strings.ts';
import { isScopedSchoolView, type DashboardState } from '../state/dashboardState.ts';
import { effectiveAsOf } from '../state/figureParams.ts';
import { openMunicipalities } from '../state/openMunicipalities.ts';
import { defaultAsOf, schoolYearLabel, schoolYearsInSpan, terms, type Term } from '../state/period.ts';
import type { ViewContext } from '../views/viewContext.ts';
import { definitionButton } from './definitionButton.ts';
import { h } from './h.ts';

type Option = { readonly value: string; readonly label: string };

function field(id: string, label: string, control: HTMLElement, extra?: Node | null): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: id }, label), h('div', { class: 'field-control' }, control, extra ?? null));
}

function select(id: string, options: readonly Option[], value: string, onChange: (value: string) => void): HTMLSelectElement {
  const el = h(
    'select',
    { id, name: id, onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value) },
    options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label)),
  );
  el.value = value;
  return el;
}

/**
 * A date field written as dd.mm.åååå (the dashboard's date format in every browser; a
 * native date input shows the browser's locale format instead). A date that cannot be read
 * is refused with a message, and nothing changes.
 */
interface DateInputOptions {
  readonly placeholder: string;
  readonly describedBy: string;
  /** The message shown while the text is not a date. */
  readonly problem: HTMLElement;
  readonly onChange: (iso: string) => void;
}

function dateInput(id: string, value: string, o: DateInputOptions): HTMLInputElement {
  const input = h('input', {
    id,
    name: id,
    type: 'text',
    inputmode: 'numeric',
    autocomplete: 'off',
    size: 10,
    class: 'date-input',
    placeholder: o.placeholder,
    value: value ? formatDate(value) : '',
    'aria-describedby': o.describedBy,
    onchange: () => {
      const text = input.value.trim();
      const iso = text ? parseDate(text) : '';
      input.setAttribute('aria-invalid', iso === null ? 'true' : 'false');
      o.problem.hidden = iso !== null;
      if (iso !== null) o.onChange(iso);
    },
  });
  return input;
}

function periodFields(ctx: ViewContext): HTMLElement[] {
  const { state, t, meta } = ctx;
  const years = schoolYearsInSpan(meta.span, meta.asOf);
  const yearOptions = years.map((y) => ({ value: String(y), label: schoolYearLabel(y) }));
  if (!years.includes(state.year)) yearOptions.unshift({ value: String(state.year), label: schoolYearLabel(state.year) });
  // A custom period starts from the dates shown; a new school year leaves custom dates.
  const setTerm = (term: Term) => ctx.navigate({ term });
  const setYear = (value: string) => ctx.navigate({ year: Number(value), term: state.term === 'custom' ? 'year' : state.term });
  const fields = [
    field('filter-year', t.schoolYear, select('filter-year', yearOptions, String(state.year), setYear)),
  ];
  // The year wheel's pages read a whole school year: no term to choose there.
  if (!isScopedSchoolView(state.view)) {
    fields.push(field('filter-term', t.term, select('filter-term', terms.map((v) => ({ value: v, label: t.terms[v] })), state.term, (v) => setTerm(v as Term))));
  }
  if (state.term === 'custom') {
    const problem = h('p', { id: 'filter-period-problem', class: 'field-problem', role: 'alert', hidden: true }, t.invalidPeriod);
    const dates = { from: state.from, to: state.to };
    const apply = (end: 'from' | 'to') => (iso: string) => {
      dates[end] = iso;
      const ok = Boolean(dates.from && dates.to && dates.from <= dates.to);
      problem.hidden = ok || !dates.from || !dates.to;
      if (ok) ctx.navigate({ term: 'custom', from: dates.from, to: dates.to });
    };
    const options = { placeholder: t.datePlaceholder, describedBy: 'filter-date-format filter-period-problem', problem };
    fields.push(
      field('filter-from', t.from, dateInput('filter-from', state.from, { ...options, onChange: apply('from') })),
      field('filter-to', t.to, dateInput('filter-to', state.to, { ...options, onChange: apply('to') }), problem),
    );
  }
  const asOfDefault = defaultAsOf(state, meta.asOf);
  const hintText = asOfDefault === state.to ? t.asOfDefaultEnd(formatDate(asOfDefault)) : t.asOfDefaultToday(formatDate(asOfDefault));
  const asOfProblem = h('p', { id: 'filter-asof-problem', class: 'field-problem', role: 'alert', hidden: true }, t.invalidDate);
  const hint = h('p', { id: 'filter-asof-hint', class: 'field-hint' }, hintText);
  const asOf = dateInput('filter-asof', state.asOf ?? '', {
    placeholder: t.datePlaceholder,
    describedBy: 'filter-date-format filter-asof-hint filter-asof-problem',
    problem: asOfProblem,
    onChange: (iso) => ctx.navigate({ asOf: iso || null }),
  });
  fields.push(field('filter-asof', t.asOf, asOf, h('div', {}, hint, asOfProblem)));
  fields.push(h('p', { id: 'filter-date-format', class: 'visually-hidden' }, t.dateFormatHint));
  return fields;
}

function scopeFields(ctx: ViewContext): HTMLElement[] {
  const { state, t, meta, lang } = ctx;
  const fields: HTMLElement[] = [];
  if (state.view !== 'comparison') {
    // Only what the viewer can open: the others would be refused (see openMunicipalities).
    const options = openMunicipalities(meta).map((m) => ({ value: m, label: m }));
    fields.push(field('filter-municipality', t.municipality, select('filter-municipality', options, state.municipality, (m) => ctx.navigate({ municipality: m, school: null }))));
  }
  if (isScopedSchoolView(state.view)) {
    // The year wheel: the schools the viewer is scoped to (a rector: their own); one school
    // has one level, and the page has no chart of a chosen figure.
    const schools = meta.schools.filter((s) => s.scoped && s.municipality === state.municipality).map((s) => ({ value: s.school_id, label: s.school_name }));
    fields.push(field('filter-school', t.school, select('filter-school', schools, state.school ?? '', (s) => ctx.navigate({ school: s }))));
    return fields;
  }
  const levels = [{ value: '', label: t.allLevels }, ...schoolLevels.map((l) => ({ value: l, label: t.levels[l] }))];
  fields.push(
    field('filter-level', t.level, select('filter-level', levels, state.level ?? '', (l) => ctx.navigate({ level: (l || null) as DashboardState['level'] }))),
  );
  if (state.view === 'school') {
    // The school shown stays in the list even under another level (a rector's own school).
    const schools = meta.schools
      .filter((s) => s.municipality === state.municipality && (!state.level || s.level === state.level || s.school_id === state.school))
      .map((s) => ({ value: s.school_id, label: s.school_name }));
    fields.push(field('filter-school', t.school, select('filter-school', schools, state.school ?? '', (s) => ctx.navigate({ school: s }))));
  }
  // The competence page shows no key figure: its filter would change nothing there.
  if (state.view === 'competence') return fields;
  const figures = ctx.specs.map((s) => ({ value: s.key, label: figureLabel(s, lang) }));
  fields.push(
    field('filter-figure', t.figure, select('filter-figure', figures, state.figure, (f) => ctx.navigate({ figure: f as DashboardState['figure'] })), definitionButton(ctx.figure, t, lang, 'filter')),
  );
  return fields;
}

export function filtersForm(ctx: ViewContext): HTMLElement {
  return h(
    'form',
    { class: 'filters', 'aria-label': ctx.t.filters, onsubmit: (e: Event) => e.preventDefault() },
    h('div', { class: 'filter-group' }, periodFields(ctx)),
    h('div', { class: 'filter-group' }, scopeFields(ctx)),
  );
}

/** "Skoleåret 2025/26, hele skoleåret: 01.08.2025–31.07.2026 · telledato 31.07.2026 · Fjordvik · Alle skoletyper" */
export function selectionText(ctx: ViewContext): string {
  const { state, t, meta } = ctx;
  const label = state.term === 'custom' ? t.terms.custom : t.schoolYearText(schoolYearLabel(state.year), t.termText[state.term]);
  const parts = [
    t.periodText(label, formatDate(state.from), formatDate(state.to)),
    t.asOfText(formatDate(effectiveAsOf(state, meta.asOf))),
    state.view === 'comparison' ? t.allMunicipalities : state.municipality,
    state.level ? t.levels[state.level] : t.allLevels,
  ];
  const school = state.view === 'school' || isScopedSchoolView(state.view) ? meta.schools.find((s) => s.school_id === state.school)?.school_name : undefined;
  if (school) parts.splice(2, 0, school);
  return `${t.showing}: ${parts.join(' · ')}`;
}
