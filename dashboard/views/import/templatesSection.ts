/** The templates of the import page: for each kind a template and its allowed values, made from the contract module. */
import { kinds } from '../../../etl/contract/index.ts';
import { allowedValuesCsv, templateCsv } from '../../../etl/exchange/importTemplates.ts';
import { h } from '../../components/h.ts';
import { scrollRegion } from '../../components/scrollRegion.ts';
import { downloadBlob } from '../../export/download.ts';
import type { ImportStrings } from './importStrings.ts';

const csvBlob = (text: string) => new Blob([text], { type: 'text/csv;charset=utf-8' });

export function templatesSection(s: ImportStrings): HTMLElement {
  const rows = kinds.map((k) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, s.kinds[k.kind]),
      h(
        'td',
        {},
        h(
          'div',
          { class: 'import-template-buttons' },
          h('button', { type: 'button', class: 'button button-small', id: `template-${k.kind}`, onclick: () => downloadBlob(csvBlob(templateCsv(k.kind)), `${s.templateName(k.kind)}.csv`) }, s.template),
          h('button', { type: 'button', class: 'button button-small', id: `allowed-${k.kind}`, onclick: () => downloadBlob(csvBlob(allowedValuesCsv(k.kind)), `${s.allowedName(k.kind)}.csv`) }, s.allowedValues),
        ),
      ),
    ),
  );
  const table = h(
    'table',
    { class: 'data-table import-templates' },
    h('caption', { class: 'visually-hidden' }, s.templatesTable),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, s.columns.kind), h('th', { scope: 'col' }, s.download))),
    h('tbody', {}, rows),
  );
  return h(
    'section',
    { class: 'panel', id: 'import-templates', 'aria-labelledby': 'import-templates-heading' },
    h('h2', { id: 'import-templates-heading' }, s.templatesHeading),
    h('p', { class: 'note' }, s.templatesIntro),
    scrollRegion(s.templatesTable, table),
  );
}
