/**
 * The dashboard's entry: asks who is signed in (the sign-in form on 401), loads /api/meta,
 * reads the state from the URL, and renders the chosen view (or "no access" for a URL
 * outside the user's scope). Every change of state is a new history entry (Back works, links reproduce
 * the view); popstate renders the state the URL holds. A re-render keeps the old view on
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
import { filtersForm, selectionText } from './components/filters.ts';
import { rememberFocus, restoreFocus } from './components/focus.ts';
import { h } from './components/h.ts';
import { signInForm } from './components/signInForm.ts';
import { siteHeader } from './components/siteHeader.ts';
import { errorMessage, loadingMessage } from './components/stateMessage.ts';
import { strings } from './i18n/strings.ts';
import { markFirstChart } from './perf/firstChart.ts';
import type { DashboardState } from './state/dashboardState.ts';
import { homeScopeOf, type HomeScope } from './state/homeScope.ts';
import { unavailableInQuery } from './state/openMunicipalities.ts';
import { isDenied, withStartView } from './state/roleViews.ts';
import { parseQuery, resolveState, toQuery, type QueryState } from './state/urlState.ts';
import { comparisonView } from './views/comparisonView.ts';
import { competenceView } from './views/competenceView.ts';
import { deniedView } from './views/deniedView.ts';
import { logView } from './views/logView.ts';
import { overviewView } from './views/overviewView.ts';
import { schoolView } from './views/schoolView.ts';
import { annualReviewView } from './views/yearwheel/annualReviewView.ts';
import { yearWheelView } from './views/yearwheel/yearWheelView.ts';
import type { ViewContext, ViewResult } from './views/viewContext.ts';

const root = document.getElementById('app')!;
const header = h('header', { class: 'site-header' });
const controls = h('div', { class: 'controls' });
const main = h('main', { id: 'main', tabindex: -1 });
const footer = h('footer', { class: 'site-footer' });
const definitions = h('div', { class: 'definitions' });
const status = h('p', { class: 'visually-hidden', role: 'status', id: 'status' });
const skipLink = h('a', { class: 'skip-link', href: '#main' });

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

const buildView: Record<DashboardState['view'], (ctx: ViewContext) => ViewResult> = {
  overview: overviewView,
  comparison: comparisonView,
  school: schoolView,
  log: logView,
  competence: competenceView,
  yearwheel: yearWheelView,
  annualreview: annualReviewView,
};

function navigate(patch: Partial<DashboardState>): void {
  const next = resolveState(parseQuery(toQuery({ ...state, ...patch })), meta, home);
  const query = toQuery(next);
  if (query === toQuery(state)) return;
  state = next;
  denied = false;
  fellBack = false;
  history.pushState(null, '', `?${query}`);
  void render();
}

function measureChartWidth(): number {
  return Math.max(320, Math.min(1120, main.clientWidth - 48));
}

async function render(): Promise<void> {
  const token = ++renderCount;
  root.dataset.ready = 'false';
  rememberFocus();
  const t = strings(state.lang);
  document.documentElement.lang = state.lang;
  // Charts are drawn at the width of the moment and scale down with the window (SVG viewBox);
  // they are not redrawn on resize, which would also fire while printing.
  const chartWidth = measureChartWidth();
  const figure = meta.figures.find((f) => f.key === state.figure) ?? meta.figures[0]!;
  const ctx: ViewContext = { state, meta, t, lang: state.lang, specs: meta.figures, figure, navigate, chartWidth, user, signOut: () => void leave() };
  definitions.replaceChildren();
  setDefinitionHost(definitions);
  skipLink.textContent = t.skipToContent;
  header.replaceChildren(...siteHeader(ctx));
  const suppressionNote = user.role === 'admin' ? null : h('p', { class: 'note suppression-note', id: 'suppression-note' }, t.auth.suppressionNote(meta.suppression?.threshold ?? 5));
  controls.hidden = denied || state.view === 'log';
  controls.replaceChildren(
    ...(controls.hidden
      ? []
      : [
          filtersForm(ctx),
          h('div', { class: 'selection-bar' }, h('p', { class: 'selection', id: 'selection' }, selectionText(ctx)), h('button', { type: 'button', class: 'button', id: 'print', onclick: () => window.print() }, t.print)),
          ...(suppressionNote ? [suppressionNote] : []),
          ...(fellBack ? [h('p', { class: 'note fallback-note', id: 'fallback-note', role: 'status' }, t.auth.fellBack)] : []),
        ]),
  );
  footer.replaceChildren(h('p', {}, t.footer));
  restoreFocus();
  status.textContent = t.status.loading;
  root.setAttribute('aria-busy', 'true');
  const view = denied ? deniedView(ctx, `?${toQuery(resolveState(withStartView({ lang: state.lang }, user), meta, home))}`) : buildView[state.view](ctx);
  // With nothing on screen yet there is nothing to flicker: waiting would only delay the first chart.
  if (main.childElementCount > 0) await Promise.race([view.ready, new Promise((resolve) => setTimeout(resolve, 300))]);
  if (token !== renderCount) return;
  main.replaceChildren(view.element);
  document.title = `${main.querySelector('h1')?.textContent ?? t.views[state.view]} – ${t.appTitle}`;
  markFirstChart();
  restoreFocus();
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
  state = resolveState(q, meta, home);
}

function showSignIn(): void {
  const t = strings(parseQuery(location.search).lang ?? 'nb');
  document.documentElement.lang = parseQuery(location.search).lang ?? 'nb';
  document.title = `${t.auth.heading} – ${t.appTitle}`;
  root.replaceChildren(signInForm(t, (signedIn) => void enter(signedIn)));
  root.removeAttribute('aria-busy');
  root.dataset.ready = 'true';
  root.dataset.page = 'signin';
  document.getElementById('signin-username')?.focus();
}

async function leave(): Promise<void> {
  await signOut().catch(() => undefined);
  showSignIn();
}

/**
 * Signed in: loads what this user may see and renders the URL's state. `metaRequest` is a
 * request already under way (started beside the session check, to save a round trip).
 */
async function enter(signedIn: SessionUser, metaRequest?: Promise<Meta>): Promise<void> {
  const t = strings(parseQuery(location.search).lang ?? 'nb');
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
  root.replaceChildren(skipLink, header, controls, main, footer, definitions, status);
  readUrl();
  // The URL is rewritten to what is shown (a fallback included), so a copied link shows the same.
  if (!denied) history.replaceState(null, '', `?${toQuery(state)}`);
  if (!listening) {
    listening = true;
    window.addEventListener('popstate', () => {
      if (root.dataset.page !== 'app') return;
      readUrl();
      void render();
    });
  }
  await render();
}

async function start(): Promise<void> {
  const t = strings(parseQuery(location.search).lang ?? 'nb');
  root.replaceChildren(loadingMessage(t));
  // Ask for the session and the metadata together; without a session the latter is a 401, ignored.
  const metaRequest = getMeta();
  metaRequest.catch(() => undefined);
  let signedIn: SessionUser;
  try {
    signedIn = await getSession();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return showSignIn();
    root.replaceChildren(h('main', { id: 'main' }, h('h1', {}, t.appTitle), errorMessage(t, error, () => void start())));
    root.removeAttribute('aria-busy');
    return;
  }
  await enter(signedIn, metaRequest);
}

void start();
