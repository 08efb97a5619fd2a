/** PPT leadership's page (placeholder while the page is rebuilt). */
import { h } from '../components/h.ts';
import type { ViewContext, ViewResult } from './viewContext.ts';

export function competenceView(ctx: ViewContext): ViewResult {
  const element = h('div', { class: 'view view-competence' }, h('h1', {}, ctx.t.competence.heading));
  return { element, ready: Promise.resolve() };
}
