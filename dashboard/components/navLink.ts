/**
 * A link to another state of the dashboard: a real href (open in a new tab, copy) that,
 * when simply clicked, changes the state in place instead of reloading the page.
 */
import type { DashboardState } from '../state/dashboardState.ts';
import { toQuery } from '../state/urlState.ts';
import { h, type Attrs, type Child } from './h.ts';

export function navLink(
  state: DashboardState,
  patch: Partial<DashboardState>,
  navigate: (patch: Partial<DashboardState>) => void,
  content: Child,
  attrs: Attrs = {},
): HTMLAnchorElement {
  return h(
    'a',
    {
      ...attrs,
      href: `?${toQuery({ ...state, ...patch })}`,
      onclick: (event: Event) => {
        const e = event as MouseEvent;
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(patch);
      },
    },
    content,
  );
}
