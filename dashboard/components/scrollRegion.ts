/** A horizontally scrollable box for wide tables, reachable and scrollable with the keyboard. */
import { h } from './h.ts';

export function scrollRegion(label: string, child: Node): HTMLElement {
  return h('div', { class: 'table-scroll', role: 'region', 'aria-label': label, tabindex: 0 }, child);
}
