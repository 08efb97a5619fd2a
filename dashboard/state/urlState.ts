/**
 * The dashboard state ↔ the URL's query string. `parseQuery` reads what a link says (bad
 * values are dropped, never trusted), `resolveState` fills the gaps with defaults from the
 * data, and `toQuery` writes the state back in a fixed order, leaving out only defaults that
 * never change (language nb, whole year, sort by name), so a copied link means the same
 * view tomorrow.
 */
import { schoolLevels, type FigureKey, type Meta, type SchoolLevel } from '../api/types.ts';
import { perSizes, type PerSize } from '../data/schoolComparison.ts';
import { isLang, type Lang } from '../i18n/lang.ts';
import { isScopedSchoolView, views, type DashboardState, type LogFilter, type SortDir, type SortKey, type View } from './dashboardState.ts';
import { noHome, type HomeScope } from './homeScope.ts';
import { openMunicipalities } from './openMunicipalities.ts';
import { isCalendarDate } from './urlProblems.ts';
import { defaultSchoolYear, schoolYearOf, schoolYearPeriod, schoolYearsInSpan, terms, type Term } from '../../etl/calendar/period.ts';

/** What a query string says, each part checked for form only. */
export interface QueryState {
  view?: View;
  lang?: Lang;
  year?: number;
  term?: Term;
  from?: string;
  to?: string;
  asOf?: string;
  municipality?: string;
  level?: SchoolLevel;
  school?: string;
  figure?: string;
  sort?: string;
  dir?: SortDir;
  per?: PerSize;
  log?: LogFilter;
}

function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | undefined {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

function text(value: string | null): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, 200) : undefined;
}

/** The log's filters in a query string; undefined when none is set. */
function logFilterOf(q: URLSearchParams): LogFilter | undefined {
  const day = q.get('logDay');
  const filter: LogFilter = {
    user: text(q.get('logUser')),
    action: text(q.get('logAction')),
    school: text(q.get('logSchool')),
    day: day !== null && isCalendarDate(day) ? day : undefined,
    views: q.get('logViews') === '0' ? false : undefined,
  };
  const set = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as LogFilter;
  return Object.keys(set).length ? set : undefined;
}

/** Reads a query string (`?view=school&year=2025…`). */
export function parseQuery(search: string): QueryState {
  const q = new URLSearchParams(search);
  const date = (name: string) => {
    const value = q.get(name);
    return value !== null && isCalendarDate(value) ? value : undefined;
  };
  const year = q.get('year');
  const lang = q.get('lang');
  const state: QueryState = {
    view: oneOf(views, q.get('view')),
    lang: isLang(lang) ? lang : undefined,
    year: year !== null && /^\d{4}$/.test(year) ? Number(year) : undefined,
    term: oneOf(terms, q.get('term')),
    from: date('from'),
    to: date('to'),
    asOf: date('asOf'),
    municipality: text(q.get('municipality')),
    level: oneOf(schoolLevels, q.get('level')),
    school: text(q.get('school')),
    figure: text(q.get('figure')),
    sort: text(q.get('sort')),
    dir: oneOf(['asc', 'desc'] as const, q.get('dir')),
    per: oneOf(perSizes, q.get('per')),
    log: logFilterOf(q),
  };
  return Object.fromEntries(Object.entries(state).filter(([, v]) => v !== undefined)) as QueryState;
}

/**
 * Picks the school for the school page: the asked one if the viewer may see it and it fits
 * the level; else the user's own school (a rector) when the URL names none, one out of
 * reach, or the own school under another level (the level then narrows only the
 * municipality's column); else the first of the municipality that fits.
 */
function resolveSchool(q: QueryState, meta: Meta, municipality: string, level: SchoolLevel | null, home: HomeScope) {
  const asked = meta.schools.find((s) => s.school_id === q.school);
  if (asked && (!level || asked.level === level)) return asked;
  const own = meta.schools.find((s) => s.school_id === home.school);
  if (own && (!asked || asked === own)) return own;
  const inMunicipality = meta.schools.filter((s) => s.municipality === municipality);
  return inMunicipality.find((s) => !level || s.level === level) ?? asked ?? inMunicipality[0] ?? meta.schools[0];
}

/**
 * The full state for a query, with every default filled in from the data, today and the
 * user's home (their municipality, a rector's school): a municipality the viewer cannot
 * open falls back to the home one, then to the first they can open.
 */
export function resolveState(q: QueryState, meta: Meta, home: HomeScope = noHome): DashboardState {
  const today = meta.asOf;
  const years = schoolYearsInSpan(meta.span, today);
  const year = q.year !== undefined && years.includes(q.year) ? q.year : defaultSchoolYear(years, today);
  const view = q.view ?? 'overview';
  // The year wheel and the annual review are about a whole school year.
  // A hand-written link with both dates and no term means those dates.
  const customAsked = q.term === 'custom' || (q.term === undefined && q.from !== undefined && q.to !== undefined);
  const custom = !isScopedSchoolView(view) && customAsked && q.from !== undefined && q.to !== undefined && q.from <= q.to;
  const term: Term = custom ? 'custom' : q.term && q.term !== 'custom' && !isScopedSchoolView(view) ? q.term : 'year';
  const period = custom ? { from: q.from!, to: q.to! } : schoolYearPeriod(year, term === 'custom' ? 'year' : term);
  const level = q.level ?? null;
  const open = openMunicipalities(meta);
  let municipality = open.find((m) => m === q.municipality) ?? open.find((m) => m === home.municipality) ?? open[0] ?? meta.municipalities[0] ?? '';
  let school: string | null = null;
  if (view === 'school' || isScopedSchoolView(view)) {
    // The year wheel and the annual review: only schools the viewer is scoped to, any level.
    const from = isScopedSchoolView(view) ? { ...meta, schools: meta.schools.filter((s) => s.scoped) } : meta;
    const found = resolveSchool(q, from, municipality, isScopedSchoolView(view) ? null : level, home);
    school = found?.school_id ?? null;
    if (found) municipality = found.municipality;
  }
  const figureKeys = meta.figures.map((f) => f.key);
  const figure = figureKeys.find((k) => k === q.figure) ?? figureKeys[0] ?? ('meetings_held' as FigureKey);
  const sort: SortKey = figureKeys.find((k) => k === q.sort) ?? 'name';
  return {
    view,
    lang: q.lang ?? 'nb',
    year: custom ? schoolYearOf(period.from) : year,
    term,
    from: period.from,
    to: period.to,
    asOf: q.asOf ?? null,
    municipality,
    level,
    school,
    figure,
    sort,
    dir: q.dir ?? 'asc',
    ...(view === 'school' && q.per ? { per: q.per } : {}),
    ...(view === 'log' && q.log ? { log: q.log } : {}),
  };
}

/** The state as a query string (without `?`), in a fixed order. */
export function toQuery(state: DashboardState): string {
  const q = new URLSearchParams();
  q.set('view', state.view);
  if (state.term === 'custom') {
    q.set('term', 'custom');
    q.set('from', state.from);
    q.set('to', state.to);
  } else {
    q.set('year', String(state.year));
    if (state.term !== 'year') q.set('term', state.term);
  }
  if (state.asOf) q.set('asOf', state.asOf);
  q.set('municipality', state.municipality);
  if (state.level) q.set('level', state.level);
  if ((state.view === 'school' || isScopedSchoolView(state.view)) && state.school) q.set('school', state.school);
  q.set('figure', state.figure);
  if (state.sort !== 'name' || state.dir !== 'asc') {
    q.set('sort', state.sort);
    q.set('dir', state.dir);
  }
  if (state.view === 'school' && state.per) q.set('per', state.per);
  if (state.view === 'log' && state.log) {
    const f = state.log;
    if (f.user) q.set('logUser', f.user);
    if (f.action) q.set('logAction', f.action);
    if (f.school) q.set('logSchool', f.school);
    if (f.day) q.set('logDay', f.day);
    if (f.views === false) q.set('logViews', '0');
  }
  if (state.lang !== 'nb') q.set('lang', state.lang);
  return q.toString();
}
