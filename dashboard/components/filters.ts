/**
 * The selection form: school year, term or own dates, as-of date, municipality, school
 * level, school (school page) and the figure the charts show. A change becomes a new state
 * (and URL) at once, except arrow keys in a select (applied when they rest, see `select`); a
 * custom period is applied only when from ≤ to.
 */
import { schoolLevels } from '../api/types.ts';
import { dateProblem, formatDate, parseDate } from '../format/dateFormat.ts';
import type { Lang } from '../i18n/lang.ts';
import { figureLabel, type Strings } from '../i18n/strings.ts';
import { isScopedSchoolView, type DashboardState } from '../state/dashboardState.ts';
import { effectiveAsOf } from '../state/figureParams.ts';
import { openMunicipalities } from '../state/openMunicipalities.ts';
import { asOfBeforeStart } from '../state/periodCoverage.ts';
import { defaultAsOf, schoolYearLabel, schoolYearsInSpan, terms, type Term } from '../../etl/calendar/period.ts';
import type { ViewContext } from '../views/viewContext.ts';
import { definitionButton } from './definitionButton.ts';
import { h } from './h.ts';

type Option = { readonly value: string; readonly label: string };

function field(id: string, label: string, control: HTMLElement, extra?: Node | null): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: id }, label), h('div', { class: 'field-control' }, control, extra ?? null));
}

/** Keys that move through a closed select's options, each firing `change` at once in Chromium. */
const optionKeys = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);
/** How long a keyboard choice waits for the next key before it is applied. */
export const keyChoiceDelayMs = 600;

/**
 * A select that applies a mouse choice at once, but a choice made with the arrow keys only
 * when the keys rest (or on Enter, or when focus leaves): each arrow key would otherwise
 * reload the view. Keyboard choices in one select share one history entry (`coalesce`).
 */
function select(ctx: ViewContext, id: string, options: readonly Option[], value: string, toPatch: (value: string) => Partial<DashboardState>): HTMLSelectElement {
  let keyed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const apply = () => {
    clearTimeout(timer);
    timer = undefined;
    ctx.navigate(toPatch(el.value), { coalesce: id });
  };
  const el = h(
    'select',
    {
      id,
      name: id,
      onkeydown: (e: Event) => {
        const key = (e as KeyboardEvent).key;
        if (optionKeys.has(key)) keyed = true;
        else if (key === 'Enter' && timer !== undefined) apply();
      },
      onblur: () => {
        if (timer !== undefined) apply();
      },
      onchange: () => {
        if (!keyed) return ctx.navigate(toPatch(el.value));
        keyed = false;
        clearTimeout(timer);
        timer = setTimeout(apply, keyChoiceDelayMs);
      },
    },
    options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label)),
  );
  el.value = value;
  return el;
}

/**
 * A date field written as dd.mm.åååå (the dashboard's date format in every browser; a
 * native date input shows the browser's locale format instead). A date that cannot be read
 * is refused with a message that says why (the form, or a day the month does not have) and
 * which period the figures still show; the text stays for the reader to correct.
 */
interface DateInputOptions {
  readonly placeholder: string;
  readonly describedBy: string;
  /** Where the message goes while the text is not a date. */
  readonly problem: HTMLElement;
  readonly onChange: (iso: string) => void;
}

/** The message for text that is not a date: what is wrong, and that the figures are unchanged. */
export function dateProblemText(t: Strings, text: string, still: { from: string; to: string }): string {
  const problem = dateProblem(text);
  const what =
    problem?.kind === 'no_such_day'
      ? t.ux.date.noSuchDay(text.trim(), t.ux.date.monthNames[problem.month - 1] ?? '', problem.year, problem.daysInMonth)
      : t.invalidDate;
  return `${what} ${t.ux.date.stillShowing(formatDate(still.from, t.lang), formatDate(still.to, t.lang))}`;
}

function dateInput(id: string, value: string, o: DateInputOptions & { readonly t: Strings; readonly lang?: Lang; readonly still: { from: string; to: string } }): HTMLInputElement {
  const input = h('input', {
    id,
    name: id,
    type: 'text',
    inputmode: 'numeric',
    autocomplete: 'off',
    size: 10,
    class: 'date-input',
    placeholder: o.placeholder,
    value: value ? formatDate(value, o.lang) : '',
    'aria-describedby': o.describedBy,
    onchange: () => {
      const text = input.value.trim();
      const iso = text ? parseDate(text) : '';
      input.setAttribute('aria-invalid', iso === null ? 'true' : 'false');
      o.problem.hidden = iso !== null;
      if (iso === null) o.problem.textContent = dateProblemText(o.t, text, o.still);
      else o.onChange(iso);
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
  const setYear = (value: string): Partial<DashboardState> => ({ year: Number(value), term: state.term === 'custom' ? 'year' : state.term });
  const fields = [
    field('filter-year', t.schoolYear, select(ctx, 'filter-year', yearOptions, String(state.year), setYear)),
  ];
  // The year wheel's pages read a whole school year: no term to choose there.
  if (!isScopedSchoolView(state.view)) {
    fields.push(field('filter-term', t.term, select(ctx, 'filter-term', terms.map((v) => ({ value: v, label: t.terms[v] })), state.term, (v) => ({ term: v as Term }))));
  }
  const still = { from: state.from, to: state.to };
  if (state.term === 'custom') {
    const problem = h('p', { id: 'filter-period-problem', class: 'field-problem', role: 'alert', hidden: true }, t.invalidPeriod);
    const dates = { from: state.from, to: state.to };
    const inputs: HTMLInputElement[] = [];
    const apply = (end: 'from' | 'to') => (iso: string) => {
      dates[end] = iso;
      const ok = Boolean(dates.from && dates.to && dates.from <= dates.to);
      problem.hidden = ok || !dates.from || !dates.to;
      if (!problem.hidden) problem.textContent = `${t.ux.date.fromAfterTo(formatDate(dates.from, state.lang), formatDate(dates.to, state.lang))} ${t.ux.date.stillShowing(formatDate(still.from, state.lang), formatDate(still.to, state.lang))}`;
      for (const input of inputs) input.setAttribute('aria-invalid', problem.hidden ? 'false' : 'true');
      if (ok) ctx.navigate({ term: 'custom', from: dates.from, to: dates.to });
    };
    const options = { placeholder: t.datePlaceholder, describedBy: 'filter-date-format filter-period-problem', problem, t, lang: state.lang, still };
    inputs.push(dateInput('filter-from', state.from, { ...options, onChange: apply('from') }), dateInput('filter-to', state.to, { ...options, onChange: apply('to') }));
    fields.push(field('filter-from', t.from, inputs[0]!), field('filter-to', t.to, inputs[1]!, problem));
  }
  const asOfDefault = defaultAsOf(state, meta.asOf);
  const hintText = asOfDefault === state.to ? t.asOfDefaultEnd(formatDate(asOfDefault, state.lang)) : t.asOfDefaultToday(formatDate(asOfDefault, state.lang));
  const asOfProblem = h('p', { id: 'filter-asof-problem', class: 'field-problem', role: 'alert', hidden: true }, t.invalidDate);
  // A chosen as-of date before the period starts is allowed (it is a date), but said.
  const early = asOfBeforeStart(state, state.asOf);
  const asOfWarning = early ? h('p', { id: 'filter-asof-warning', class: 'field-problem' }, t.ux.date.asOfBeforeStart(formatDate(state.asOf!, state.lang), formatDate(state.from, state.lang))) : null;
  const hint = h('p', { id: 'filter-asof-hint', class: 'field-hint' }, hintText);
  const asOf = dateInput('filter-asof', state.asOf ?? '', {
    placeholder: t.datePlaceholder,
    describedBy: `filter-date-format filter-asof-hint filter-asof-problem${early ? ' filter-asof-warning' : ''}`,
    problem: asOfProblem,
    t,
    lang: state.lang,
    still,
    onChange: (iso) => ctx.navigate({ asOf: iso || null }),
  });
  if (early) asOf.setAttribute('aria-invalid', 'true');
  fields.push(field('filter-asof', t.asOf, asOf, h('div', {}, hint, asOfWarning, asOfProblem)));
  fields.push(h('p', { id: 'filter-date-format', class: 'visually-hidden' }, t.dateFormatHint));
  return fields;
}

function scopeFields(ctx: ViewContext): HTMLElement[] {
  const { state, t, meta, lang } = ctx;
  const fields: HTMLElement[] = [];
  if (state.view !== 'comparison') {
    // Only what the viewer can open: the others would be refused (see openMunicipalities).
    const options = openMunicipalities(meta).map((m) => ({ value: m, label: m }));
    fields.push(field('filter-municipality', t.municipality, select(ctx, 'filter-municipality', options, state.municipality, (m) => ({ municipality: m, school: null }))));
  }
  if (isScopedSchoolView(state.view)) {
    // The year wheel: the schools the viewer is scoped to (a rector: their own); one school
    // has one level, and the page has no chart of a chosen figure.
    const schools = meta.schools.filter((s) => s.scoped && s.municipality === state.municipality).map((s) => ({ value: s.school_id, label: s.school_name }));
    fields.push(field('filter-school', t.school, select(ctx, 'filter-school', schools, state.school ?? '', (s) => ({ school: s }))));
    return fields;
  }
  const levels = [{ value: '', label: t.allLevels }, ...schoolLevels.map((l) => ({ value: l, label: t.levels[l] }))];
  fields.push(
    field('filter-level', t.level, select(ctx, 'filter-level', levels, state.level ?? '', (l) => ({ level: (l || null) as DashboardState['level'] }))),
  );
  if (state.view === 'school') {
    // The school shown stays in the list even under another level (a rector's own school).
    const schools = meta.schools
      .filter((s) => s.municipality === state.municipality && (!state.level || s.level === state.level || s.school_id === state.school))
      .map((s) => ({ value: s.school_id, label: s.school_name }));
    fields.push(field('filter-school', t.school, select(ctx, 'filter-school', schools, state.school ?? '', (s) => ({ school: s }))));
  }
  // The competence and deviations pages show no case figure: its filter would change nothing there.
  if (state.view === 'competence' || state.view === 'deviations') return fields;
  const figures = ctx.specs.map((s) => ({ value: s.key, label: figureLabel(s, lang) }));
  fields.push(
    field('filter-figure', t.figure, select(ctx, 'filter-figure', figures, state.figure, (f) => ({ figure: f as DashboardState['figure'] })), definitionButton(ctx.figure, t, lang, 'filter')),
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

/** "Utvalg: Skoleåret 2025/26, hele året: 01.08.2025–31.07.2026 · telledato 31.07.2026 · Fjordvik · Alle skoletyper" */
export function selectionText(ctx: ViewContext): string {
  return `${ctx.t.showing}: ${selectionDescription(ctx)}`;
}

/** The selection without its label, for notices and exported charts. */
export function selectionDescription(ctx: ViewContext): string {
  const { state, t, meta } = ctx;
  const label = state.term === 'custom' ? t.terms.custom : t.schoolYearText(schoolYearLabel(state.year), t.termText[state.term]);
  const parts = [
    t.periodText(label, formatDate(state.from, state.lang), formatDate(state.to, state.lang)),
    t.asOfText(formatDate(effectiveAsOf(state, meta.asOf), state.lang)),
    state.view === 'comparison' ? t.allMunicipalities : state.municipality,
    state.level ? t.levels[state.level] : t.allLevels,
  ];
  const school = state.view === 'school' || isScopedSchoolView(state.view) ? meta.schools.find((s) => s.school_id === state.school)?.school_name : undefined;
  if (school) parts.splice(2, 0, school);
  return parts.join(' · ');
}
