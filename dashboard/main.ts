/**
 * The dashboard's entry: asks who is signed in (the sign-in form on 401), loads /api/meta,
 * reads the state from the URL, and renders the chosen view (or "no access" for a URL
 * outside the user's scope). Every change of state is a new history entry (Back works, links reproduce
 * the view), except arrow-key changes in one select, which share one; popstate renders the
 * state the URL holds. A link that asked for what cannot be shown as asked says so
 * (urlProblems), a period without data says so instead of zeros (periodCoverage), and focus
 * goes to the view's heading after sign-in and after a change of view. A re-render keeps the old view on
 * screen until the new one is ready (or 300 ms have passed), so updates do not flicker; the
 * first view is shown at once, each section drawing as its data arrives.
 */
// Screen styles first, then the print styles that override them on paper.
import './styles/main.css';
import './styles/print.css';
import { getMeta } from './api/endpoints.ts';
import { ApiError, clearCache } from './api/http.ts';
import { getSession, signOut } from './api/sessionEndpoints.ts';
import type { Meta, SessionUser } from './api/types.ts';
import { setDefinitionHost } from './components/definitionButton.ts';
import { filtersForm, selectionDescription, selectionText } from './components/filters.ts';
import { forgetFocus, rememberFocus, restoreFocus } from './components/focus.ts';
import { h } from './components/h.ts';
import { signInForm } from './components/signInForm.ts';
import { signInHeader } from './components/signInHeader.ts';
import { noAccessPage } from './components/noAccessPage.ts';
import { urlNotice } from './components/urlNotice.ts';
import { setExportSelection } from './export/exportCaption.ts';
import { formatDate } from './format/dateFormat.ts';
import { siteHeader } from './components/siteHeader.ts';
import { errorMessage, loadingMessage } from './components/stateMessage.ts';
import type { Lang } from './i18n/lang.ts';
import { noAccessStrings } from './i18n/noAccessStrings.ts';
import { loadLanguage, strings } from './i18n/strings.ts';
import { markFirstChart } from './perf/firstChart.ts';
import type { DashboardState } from './state/dashboardState.ts';
import { homeScopeOf, type HomeScope } from './state/homeScope.ts';
import { unavailableInQuery } from './state/openMunicipalities.ts';
import { periodCoverage } from './state/periodCoverage.ts';
import { isDenied, withStartView } from './state/roleViews.ts';
import { urlProblems, type UrlProblem } from './state/urlProblems.ts';
import { parseQuery, resolveState, toQuery, type QueryState } from './state/urlState.ts';
import { deniedView } from './views/deniedView.ts';
import { noDataView } from './views/noDataView.ts';
import { loadView } from './views/loadView.ts';
import { startOverviewRequests } from './views/overviewRequests.ts';
import type { NavigateOptions, ViewContext } from './views/viewContext.ts';

const root = document.getElementById('app')!;
const header = h('header', { class: 'site-header app-header' });
const controls = h('div', { class: 'controls' });
const main = h('main', { id: 'main', tabindex: -1 });
const footer = h('footer', { class: 'site-footer' });
const definitions = h('div', { class: 'definitions' });
const status = h('p', { class: 'visually-hidden', role: 'status', id: 'status' });
const skipLink = h('a', { class: 'skip-link', href: '#main' });
/** To the first chart section of the view (about 50 Tabs below the overview table). */
const skipToCharts = h('a', { class: 'skip-link', id: 'skip-to-charts', href: '#main', onclick: (e: Event) => jumpToCharts(e) });

let meta: Meta;
let user: SessionUser;
let state: DashboardState;
/** The user's own municipality and (a rector's) school: where a URL out of reach falls back to. */
let home: HomeScope;
/** The URL asked for what the user may not see (see isDenied). */
let denied = false;
/** The URL named a municipality or school out of the user's reach; the view shows their own instead. */
let fellBack = false;
let renderCount = 0;
let listening = false;
/** What the link asked for that could not be shown as asked; cleared by the next change. */
let problems: readonly UrlProblem[] = [];
/** The key of the control whose keyboard changes share the current history entry (NavigateOptions). */
let coalescing: string | null = null;
/** Focus goes to the view's heading after this render (after sign-in and a change of view). */
let focusHeading = false;

/** The view figures cannot be shown for: those that draw key figures of a period. */
const figureViews: ReadonlySet<DashboardState['view']> = new Set(['overview', 'comparison', 'school']);

function navigate(patch: Partial<DashboardState>, options: NavigateOptions = {}): void {
  const next = resolveState(parseQuery(toQuery({ ...state, ...patch })), meta, home);
  const query = toQuery(next);
  if (query === toQuery(state)) return;
  focusHeading = next.view !== state.view;
  state = next;
  denied = false;
  fellBack = false;
  problems = [];
  const replace = options.coalesce !== undefined && options.coalesce === coalescing;
  coalescing = options.coalesce ?? null;
  if (replace) history.replaceState(null, '', `?${query}`);
  else history.pushState(null, '', `?${query}`);
  void render();
}

function jumpToCharts(event: Event): void {
  const target = document.getElementById(skipToCharts.hash.slice(1));
  if (!target) return;
  event.preventDefault();
  target.setAttribute('tabindex', '-1');
  target.focus();
}

/** The first chart section of the view, for the skip link; hidden when the view has none. */
function pointSkipToCharts(): void {
  const first = main.querySelector<HTMLElement>('#bars, #trend, #monthly, section:has(.chart-card), [data-charts]');
  skipToCharts.hidden = !first?.id;
  if (first?.id) skipToCharts.href = `#${first.id}`;
}

/** The selection as text, for the exported charts' caption. */
function exportLines(ctx: ViewContext): string[] {
  return [selectionDescription(ctx)];
}

function measureChartWidth(): number {
  return Math.max(320, Math.min(1120, main.clientWidth - 48));
}

async function render(): Promise<void> {
  const token = ++renderCount;
  root.dataset.ready = 'false';
  const coverage = figureViews.has(state.view) ? periodCoverage(state, meta.span, meta.asOf) : 'ok';
  document.documentElement.lang = state.lang; // the language of the server's 400 reasons, too
  if (!denied && coverage === 'ok' && state.view === 'overview') startOverviewRequests(state, meta.asOf);
  // The view's code is fetched on first use (views/loadView.ts); a failure shows the error state.
  // So is a language's dictionary (i18n/strings.ts): bokmål stays on screen if it cannot be fetched.
  const [build] = await Promise.all([
    denied || coverage !== 'ok' ? null : loadView(state.view).catch((error: unknown) => error as Error),
    loadLanguage(state.lang).catch(() => undefined),
  ]);
  if (token !== renderCount) return;
  rememberFocus();
  const t = strings(state.lang);
  // Charts are drawn at the width of the moment and scale down with the window (SVG viewBox);
  // they are not redrawn on resize, which would also fire while printing.
  const chartWidth = measureChartWidth();
  const figure = meta.figures.find((f) => f.key === state.figure) ?? meta.figures[0]!;
  const ctx: ViewContext = { state, meta, t, lang: state.lang, specs: meta.figures, figure, navigate, chartWidth, user, signOut: () => void leave() };
  definitions.replaceChildren();
  setDefinitionHost(definitions);
  skipLink.textContent = t.skipToContent;
  skipToCharts.textContent = t.ux.skipToCharts;
  setExportSelection(exportLines(ctx), t.ux.exportSource(formatDate(meta.asOf, state.lang)));
  header.replaceChildren(...siteHeader(ctx));
  const suppressionNote = user.role === 'admin' ? null : h('p', { class: 'note suppression-note', id: 'suppression-note' }, t.auth.suppressionNote(meta.suppression?.threshold ?? 5));
  controls.hidden = denied || state.view === 'log' || state.view === 'import' || state.view === 'users';
  controls.replaceChildren(
    ...(controls.hidden
      ? []
      : [
          filtersForm(ctx),
          h('div', { class: 'selection-bar' }, h('p', { class: 'selection', id: 'selection' }, selectionText(ctx)), h('button', { type: 'button', class: 'button', id: 'print', onclick: () => window.print() }, t.print)),
          ...(suppressionNote ? [suppressionNote] : []),
          ...(fellBack ? [h('p', { class: 'note fallback-note', id: 'fallback-note', role: 'status' }, t.auth.fellBack)] : []),
          ...(problems.length ? [urlNotice(t, problems, selectionDescription(ctx), (from, to) => navigate({ term: 'custom', from, to }))] : []),
        ]),
  );
  footer.replaceChildren(h('p', {}, t.footer));
  restoreFocus();
  status.textContent = t.status.loading;
  root.setAttribute('aria-busy', 'true');
  const view = denied
    ? deniedView(ctx, `?${toQuery(resolveState(withStartView({ lang: state.lang }, user), meta, home))}`)
    : coverage !== 'ok'
      ? noDataView(ctx, coverage)
      : build instanceof Error || !build
        ? { element: h('div', { class: 'view' }, h('h1', {}, t.views[state.view]), errorMessage(t, build, () => void render())), ready: Promise.resolve() }
        : build(ctx);
  // With nothing on screen yet there is nothing to flicker: waiting would only delay the first chart.
  if (main.childElementCount > 0) await Promise.race([view.ready, new Promise((resolve) => setTimeout(resolve, 300))]);
  if (token !== renderCount) return;
  main.replaceChildren(view.element);
  pointSkipToCharts();
  const heading = main.querySelector('h1');
  document.title = `${heading?.textContent ?? t.views[state.view]} – ${t.appTitle}`;
  markFirstChart();
  if (focusHeading && heading) {
    // After sign-in and a change of view the reader starts at the top of the new view.
    focusHeading = false;
    forgetFocus();
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  } else restoreFocus();
  await view.ready;
  if (token !== renderCount) return;
  root.removeAttribute('aria-busy');
  root.dataset.ready = 'true';
  status.textContent = t.status.ready;
}

/** The state the URL asks for, the rector's own year wheel when it names no view. */
function readUrl(): void {
  const q: QueryState = withStartView(parseQuery(location.search), user);
  denied = isDenied(q, user);
  fellBack = !denied && unavailableInQuery(q, meta);
  problems = denied ? [] : urlProblems(location.search, meta.span, meta.asOf);
  coalescing = null;
  state = resolveState(q, meta, home);
}

async function showSignIn(): Promise<void> {
  const lang = parseQuery(location.search).lang ?? 'nb';
  root.dataset.ready = 'false';
  await loadLanguage(lang).catch(() => undefined);
  const t = strings(lang);
  document.documentElement.lang = lang;
  document.title = `${t.auth.heading} – ${t.appTitle}`;
  const switchLanguage = (to: Lang) => {
    const query = new URLSearchParams(location.search);
    if (to === 'nb') query.delete('lang');
    else query.set('lang', to);
    history.replaceState(null, '', `?${query.toString()}`);
    void showSignIn().then(() => document.getElementById('language-switch')?.focus());
  };
  root.replaceChildren(signInHeader(t, lang, switchLanguage), signInForm(t, lang, (signedIn) => void enter(signedIn, undefined, true)));
  root.removeAttribute('aria-busy');
  root.dataset.ready = 'true';
  root.dataset.page = 'signin';
  document.getElementById('signin-username')?.focus();
}

/** `/auth/no-access`: signed in at an identity provider, but no role here yet (no session). */
async function showNoAccess(): Promise<void> {
  const lang = parseQuery(location.search).lang ?? 'nb';
  root.dataset.ready = 'false';
  await loadLanguage(lang).catch(() => undefined);
  const t = strings(lang);
  const words = noAccessStrings(lang);
  document.documentElement.lang = lang;
  document.title = `${words.heading} – ${t.appTitle}`;
  const switchLanguage = (to: Lang) => {
    const query = new URLSearchParams(location.search);
    if (to === 'nb') query.delete('lang');
    else query.set('lang', to);
    history.replaceState(null, '', `?${query.toString()}`);
    void showNoAccess().then(() => document.getElementById('language-switch')?.focus());
  };
  const page = noAccessPage(words, lang === 'nb' ? '/' : `/?lang=${lang}`);
  root.replaceChildren(signInHeader(t, lang, switchLanguage), page.element);
  root.dataset.page = 'no-access';
  root.dataset.ready = 'false';
  void page.ready.then(() => {
    root.removeAttribute('aria-busy');
    root.dataset.ready = 'true';
  });
}

async function leave(): Promise<void> {
  const logoutUrl = await signOut().catch(() => null);
  // Signed in through an identity provider: end the session there too (RP-initiated logout).
  if (logoutUrl) return location.assign(logoutUrl);
  await showSignIn();
}

/**
 * Signed in: loads what this user may see and renders the URL's state. `metaRequest` is a
 * request already under way (started beside the session check, to save a round trip).
 */
async function enter(signedIn: SessionUser, metaRequest?: Promise<Meta>, fromSignIn = false): Promise<void> {
  const lang = parseQuery(location.search).lang ?? 'nb';
  await loadLanguage(lang).catch(() => undefined);
  const t = strings(lang);
  user = signedIn;
  clearCache();
  root.dataset.ready = 'false';
  root.dataset.page = 'app';
  root.replaceChildren(loadingMessage(t));
  try {
    meta = await (metaRequest ?? getMeta());
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return showSignIn();
    root.replaceChildren(h('main', { id: 'main' }, h('h1', {}, t.appTitle), errorMessage(t, error, () => void enter(signedIn))));
    root.removeAttribute('aria-busy');
    return;
  }
  home = homeScopeOf(user, meta);
  main.replaceChildren(); // a previous user's view is not kept on screen
  root.replaceChildren(skipLink, skipToCharts, header, controls, main, footer, definitions, status);
  readUrl();
  focusHeading = fromSignIn;
  // The URL is rewritten to what is shown (a fallback included), so a copied link shows the same.
  if (!denied) history.replaceState(null, '', `?${toQuery(state)}`);
  if (!listening) {
    listening = true;
    // Keyboard changes share a history entry only while focus stays in that one control.
    document.addEventListener('focusin', (event) => {
      if ((event.target as Element | null)?.id !== coalescing) coalescing = null;
    });
    window.addEventListener('popstate', () => {
      if (root.dataset.page !== 'app') return;
      readUrl();
      focusHeading = false;
      void render();
    });
  }
  await render();
}

async function start(): Promise<void> {
  if (location.pathname === '/auth/no-access') return showNoAccess();
  const lang = parseQuery(location.search).lang ?? 'nb';
  // Ask for the session and the metadata together; without a session the latter is a 401, ignored.
  const metaRequest = getMeta();
  metaRequest.catch(() => undefined);
  const sessionRequest = getSession();
  sessionRequest.catch(() => undefined);
  // An English or Swedish page's dictionary is fetched meanwhile (index.html already says "Laster …").
  await loadLanguage(lang).catch(() => undefined);
  const t = strings(lang);
  root.replaceChildren(loadingMessage(t));
  let signedIn: SessionUser;
  try {
    signedIn = await sessionRequest;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return showSignIn();
    root.replaceChildren(h('main', { id: 'main' }, h('h1', {}, t.appTitle), errorMessage(t, error, () => void start())));
    root.removeAttribute('aria-busy');
    return;
  }
  await enter(signedIn, metaRequest);
}

void start();
