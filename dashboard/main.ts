/**
 * The dashboard's entry: loads /api/meta, reads the state from the URL, and renders the
 * chosen view. Every change of state is a new history entry (Back works, links reproduce
 * the view); popstate renders the state the URL holds. A re-render keeps the old view on
 * screen until the new one is ready (or 300 ms have passed), so updates do not flicker.
 */
// Screen styles first, then the print styles that override them on paper.
import './styles/main.css';
import './styles/print.css';
import { getMeta } from './api/endpoints.ts';
import type { Meta } from './api/types.ts';
import { setDefinitionHost } from './components/definitionButton.ts';
import { filtersForm, selectionText } from './components/filters.ts';
import { rememberFocus, restoreFocus } from './components/focus.ts';
import { h } from './components/h.ts';
import { siteHeader } from './components/siteHeader.ts';
import { errorMessage, loadingMessage } from './components/stateMessage.ts';
import { strings } from './i18n/strings.ts';
import { markFirstChart } from './perf/firstChart.ts';
import type { DashboardState } from './state/dashboardState.ts';
import { parseQuery, resolveState, toQuery } from './state/urlState.ts';
import { comparisonView } from './views/comparisonView.ts';
import { overviewView } from './views/overviewView.ts';
import { schoolView } from './views/schoolView.ts';
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
let state: DashboardState;
let renderCount = 0;

const buildView: Record<DashboardState['view'], (ctx: ViewContext) => ViewResult> = {
  overview: overviewView,
  comparison: comparisonView,
  school: schoolView,
};

function navigate(patch: Partial<DashboardState>): void {
  const next = resolveState(parseQuery(toQuery({ ...state, ...patch })), meta);
  const query = toQuery(next);
  if (query === toQuery(state)) return;
  state = next;
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
  const ctx: ViewContext = { state, meta, t, lang: state.lang, specs: meta.figures, figure, navigate, chartWidth };
  definitions.replaceChildren();
  setDefinitionHost(definitions);
  skipLink.textContent = t.skipToContent;
  header.replaceChildren(...siteHeader(ctx));
  controls.replaceChildren(
    filtersForm(ctx),
    h('div', { class: 'selection-bar' }, h('p', { class: 'selection', id: 'selection' }, selectionText(ctx)), h('button', { type: 'button', class: 'button', id: 'print', onclick: () => window.print() }, t.print)),
  );
  footer.replaceChildren(h('p', {}, t.footer));
  restoreFocus();
  status.textContent = t.status.loading;
  root.setAttribute('aria-busy', 'true');
  const view = buildView[state.view](ctx);
  await Promise.race([view.ready, new Promise((resolve) => setTimeout(resolve, 300))]);
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

async function start(): Promise<void> {
  const t = strings(parseQuery(location.search).lang ?? 'nb');
  root.replaceChildren(loadingMessage(t));
  try {
    meta = await getMeta();
  } catch (error) {
    root.replaceChildren(h('main', { id: 'main' }, h('h1', {}, t.appTitle), errorMessage(t, error, () => void start())));
    root.removeAttribute('aria-busy');
    return;
  }
  root.replaceChildren(skipLink, header, controls, main, footer, definitions, status);
  state = resolveState(parseQuery(location.search), meta);
  history.replaceState(null, '', `?${toQuery(state)}`);
  window.addEventListener('popstate', () => {
    state = resolveState(parseQuery(location.search), meta);
    void render();
  });
  await render();
}

void start();
