/**
 * The import page's history: the latest imports with who, when, the files, the outcome and
 * the counts, refused ones with their reason (GET /api/imports/history). `load` when the page
 * opens; `refresh` after an import of this page (past the answer cache: the data changed).
 */
import { clearCache } from '../../api/http.ts';
import { getImportHistory, type ImportHistoryEntry } from '../../api/importHistoryEndpoints.ts';
import { h } from '../../components/h.ts';
import { scrollRegion } from '../../components/scrollRegion.ts';
import { formatDate } from '../../format/dateFormat.ts';
import { formatNumber } from '../../format/numberFormat.ts';
import type { Lang } from '../../i18n/lang.ts';
import { historyStrings } from './historyStrings.ts';

/** `2026-12-03T06:41:07` → `03.12.2026 06:41` (Swedish `2026-12-03 06:41`). */
function when(at: string, lang: Lang): string {
  const [date, time] = at.split('T');
  return `${formatDate(date ?? at, lang)} ${(time ?? '').slice(0, 5)}`.trim();
}

function row(e: ImportHistoryEntry, lang: Lang): HTMLElement {
  const s = historyStrings(lang);
  const n = (v: number) => formatNumber(v, lang, 0);
  const refused = e.outcome === 'refused';
  return h(
    'tr',
    { 'data-outcome': e.outcome, 'data-batch': e.batch_id === null ? '' : String(e.batch_id) },
    h('td', {}, when(e.imported_at, lang)),
    h('td', {}, e.username ?? '–'),
    h('th', { scope: 'row' }, e.file_names.join(', ')),
    h('td', { class: refused ? 'import-refused' : '' }, s.outcomes[e.outcome], refused && e.reason ? [h('br', {}), h('span', { class: 'import-refusal-reason' }, e.reason)] : null),
    h('td', { class: 'num' }, refused ? '–' : n(e.rows_read)),
    h('td', { class: 'num' }, refused ? '–' : n(e.inserted + e.updated)),
    h('td', { class: 'num' }, refused ? '–' : n(e.rejected)),
    h('td', { class: 'num' }, refused ? '–' : n(e.still_quarantined)),
  );
}

export function historySection(lang: Lang): { element: HTMLElement; load: () => Promise<void>; refresh: () => Promise<void> } {
  const s = historyStrings(lang);
  const body = h('div', { id: 'import-history-body' });
  const refresh = async (): Promise<void> => {
    let entries: ImportHistoryEntry[];
    try {
      entries = await getImportHistory();
    } catch {
      body.replaceChildren(h('p', { class: 'note' }, s.failed));
      return;
    }
    if (entries.length === 0) {
      body.replaceChildren(h('p', { class: 'note' }, s.none));
      return;
    }
    const c = s.columns;
    const table = h(
      'table',
      { id: 'import-history' },
      h('caption', {}, s.caption),
      h('thead', {}, h('tr', {}, ...[c.when, c.who, c.files, c.outcome].map((t) => h('th', { scope: 'col' }, t)), ...[c.read, c.loaded, c.rejected, c.open].map((t) => h('th', { scope: 'col', class: 'num' }, t)))),
      h('tbody', {}, ...entries.map((e) => row(e, lang))),
    );
    body.replaceChildren(scrollRegion(s.caption, table));
  };
  const element = h('section', { class: 'panel', id: 'import-history-section', 'aria-labelledby': 'import-history-heading' }, h('h2', { id: 'import-history-heading' }, s.heading), body);
  return {
    element,
    load: refresh,
    refresh: async () => {
      // An import has just changed the history: ask the server, not the cache.
      clearCache();
      await refresh();
    },
  };
}
