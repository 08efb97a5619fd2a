/**
 * The download buttons under a table or chart: CSV of the data, PNG and SVG of the chart.
 * A chart's files carry its title, the selection and the source (export/exportCaption.ts).
 * Each export is reported to the audit trail after the download (fire-and-forget).
 */
import { reportExport } from '../api/sessionEndpoints.ts';
import { pngBlob, svgBlob } from '../export/chartImage.ts';
import { toCsv, type CsvColumn } from '../export/csv.ts';
import { exportCaption } from '../export/exportCaption.ts';
import { downloadBlob } from '../export/download.ts';
import type { Strings } from '../i18n/strings.ts';
import { h } from './h.ts';

export interface ExportSpec<R> {
  /** The file name without extension. */
  readonly name: string;
  /** What is exported, for the buttons' accessible names. */
  readonly title: string;
  readonly csv?: { readonly rows: readonly R[]; readonly columns: readonly CsvColumn<R>[] };
  readonly svg?: SVGSVGElement;
}

export function exportButtons<R>(spec: ExportSpec<R>, t: Strings): HTMLElement {
  const button = (label: string, kind: string, action: () => void | Promise<void>) =>
    h(
      'button',
      { type: 'button', class: 'button button-small', 'data-export': kind, 'aria-label': t.downloadOf(label, spec.title), onclick: () => void action() },
      label,
    );
  const { csv, svg } = spec;
  return h(
    'div',
    { class: 'export-buttons' },
    csv
      ? button(t.downloadCsv, 'csv', () => {
          downloadBlob(new Blob([toCsv(csv.rows, csv.columns)], { type: 'text/csv;charset=utf-8' }), `${spec.name}.csv`);
          reportExport('csv', csv.rows.length);
        })
      : null,
    svg
      ? button(t.downloadPng, 'png', async () => {
          downloadBlob(await pngBlob(svg, exportCaption(spec.title)), `${spec.name}.png`);
          reportExport('png');
        })
      : null,
    svg
      ? button(t.downloadSvg, 'svg', () => {
          downloadBlob(svgBlob(svg, exportCaption(spec.title)), `${spec.name}.svg`);
          reportExport('svg');
        })
      : null,
  );
}
