/**
 * The "?" beside a figure's name: a button that opens the figure's definition (the
 * contract's wording in bokmål, or in English and Swedish from i18n/definitionsEn.ts and definitionsSv.ts) and what its n counts, in a popover (keyboard: Enter opens,
 * Esc closes, focus returns to the button). One popover per figure, shared by every button.
 */
import type { FigureSpec } from '../api/types.ts';
import { nBase } from '../data/figureValue.ts';
import type { Lang } from '../i18n/lang.ts';
import { figureDefinition, figureLabel, type Strings } from '../i18n/strings.ts';
import { h } from './h.ts';

let host: HTMLElement | null = null;

/** Where the popovers live: outside the views, emptied by each full render. */
export function setDefinitionHost(element: HTMLElement): void {
  host = element;
}

function popoverId(spec: FigureSpec): string {
  return `definition-${spec.key}`;
}

function ensurePopover(spec: FigureSpec, t: Strings, lang: Lang): string {
  const id = popoverId(spec);
  if (!host || document.getElementById(id)) return id;
  const base = nBase(spec);
  const headingId = `${id}-heading`;
  host.append(
    h(
      'div',
      { id, popover: 'auto', class: 'definition', role: 'dialog', 'aria-labelledby': headingId },
      h('h2', { id: headingId, class: 'definition-title' }, figureLabel(spec, lang)),
      // The server's wording is bokmål; an English or Swedish reader gets the definition in their language.
      lang === 'nb' ? h('p', { lang: 'nb' }, spec.definition) : h('p', {}, figureDefinition(spec, lang)),
      base ? h('p', { class: 'definition-n' }, `${t.nCounts}: ${t.bases[base]}.`) : null,
      h('button', { type: 'button', class: 'definition-close', popovertarget: id, popovertargetaction: 'hide' }, t.close),
    ),
  );
  return id;
}

/** A button that shows the figure's definition; `place` makes its id unique on the page. */
export function definitionButton(spec: FigureSpec, t: Strings, lang: Lang, place: string): HTMLButtonElement {
  const target = ensurePopover(spec, t, lang);
  return h(
    'button',
    {
      type: 'button',
      id: `def-${place}-${spec.key}`,
      class: 'definition-button',
      popovertarget: target,
      'aria-label': t.definitionOf(figureLabel(spec, lang)),
      title: t.definition,
    },
    '?',
  );
}

/**
 * A "?" for a section that is not one figure (the histogram, Kaplan–Meier, cumulative
 * incidence): the same popover, with the section's own definition in the chosen language.
 */
export function sectionDefinitionButton(id: string, title: string, text: string, t: Strings): HTMLButtonElement {
  const popover = `definition-section-${id}`;
  if (host && !document.getElementById(popover)) {
    host.append(
      h(
        'div',
        { id: popover, popover: 'auto', class: 'definition', role: 'dialog', 'aria-labelledby': `${popover}-heading` },
        h('h2', { id: `${popover}-heading`, class: 'definition-title' }, title),
        h('p', {}, text),
        h('button', { type: 'button', class: 'definition-close', popovertarget: popover, popovertargetaction: 'hide' }, t.close),
      ),
    );
  }
  return h('button', { type: 'button', id: `def-section-${id}`, class: 'definition-button', popovertarget: popover, 'aria-label': t.definitionOf(title), title: t.definition }, '?');
}
