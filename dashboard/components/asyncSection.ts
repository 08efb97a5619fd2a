/**
 * A titled section of a view whose content comes from the server: it shows the loading
 * state, then the content, the empty state or the error state with a retry button. Its
 * `data-state` attribute tells tests and styles which one is showing.
 */
import { markFirstChart } from '../perf/firstChart.ts';
import type { Strings } from '../i18n/strings.ts';
import { restoreFocus } from './focus.ts';
import { h, type Child } from './h.ts';
import { errorMessage, loadingMessage } from './stateMessage.ts';

export interface AsyncSectionOptions {
  readonly id: string;
  readonly title: string;
  /** Beside the title, e.g. the figure's definition button. */
  readonly titleExtra?: Child;
  readonly t: Strings;
  /** Builds the content; resolves to the empty state when there is nothing to show. */
  readonly load: () => Promise<Node>;
  readonly className?: string;
  /**
   * The section asks for its content only once this settles (a section further up has been
   * painted): its answer is usually in the page's cache already, and building it then does not
   * hold up the paint of the chart above it. Absent: at once.
   */
  readonly after?: Promise<unknown>;
}

export interface AsyncSection {
  readonly element: HTMLElement;
  /** Settles when the section shows its content, empty or error state. */
  readonly ready: Promise<void>;
}

export function asyncSection(options: AsyncSectionOptions): AsyncSection {
  const titleId = `${options.id}-title`;
  const body = h('div', { class: 'panel-body' });
  const element = h(
    'section',
    { class: `panel ${options.className ?? ''}`.trim(), id: options.id, 'aria-labelledby': titleId },
    h('div', { class: 'panel-head' }, h('h2', { id: titleId }, options.title), options.titleExtra),
    body,
  );
  const run = async (): Promise<void> => {
    element.dataset.state = 'loading';
    element.setAttribute('aria-busy', 'true');
    body.replaceChildren(loadingMessage(options.t));
    try {
      await options.after;
      const content = await options.load();
      body.replaceChildren(content);
      element.dataset.state = content instanceof Element && content.matches('[data-state="empty"]') ? 'empty' : 'ready';
    } catch (error) {
      console.warn(`section ${options.id}:`, error);
      body.replaceChildren(errorMessage(options.t, error, () => void run()));
      element.dataset.state = 'error';
    }
    element.removeAttribute('aria-busy');
    if (element.isConnected) {
      markFirstChart();
      restoreFocus();
    }
  };
  return { element, ready: run() };
}
