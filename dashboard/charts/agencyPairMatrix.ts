/**
 * The deviations per pair of agencies as a lower-triangle matrix: a shaded cell per pair with
 * its count written in it (the number carries the meaning, the shade only helps the eye), rows
 * and columns the agencies. Cells have a fixed size, so the chart is as wide as it needs and
 * shrinks with the page on a phone (the table beside it has the same numbers).
 */
import * as Plot from '@observablehq/plot';
import { colours, labelWidth, plotStyle } from './chartTheme.ts';
import { finishChart } from './finishChart.ts';

export interface MatrixCell {
  readonly row: string;
  readonly column: string;
  readonly count: number;
}

export interface AgencyPairMatrixOptions {
  readonly alt: string;
  /** The agencies in order, as labels (the cells' row and column are these labels). */
  readonly agencies: readonly string[];
  readonly format: (value: number) => string;
  readonly cellSize?: number;
}

export function agencyPairMatrix(cells: readonly MatrixCell[], options: AgencyPairMatrixOptions): SVGSVGElement {
  const size = options.cellSize ?? 44;
  const rows = options.agencies.slice(1);
  const columns = options.agencies.slice(0, -1);
  const max = Math.max(1, ...cells.map((c) => c.count));
  const left = labelWidth(rows);
  // Column labels are turned 40°: their height is about two thirds of their length.
  const top = Math.round(labelWidth(columns) * 0.68) + 8;
  const chart = Plot.plot({
    width: left + columns.length * size + 24,
    height: top + rows.length * size + 8,
    marginLeft: left,
    marginTop: top,
    marginRight: 24,
    marginBottom: 8,
    style: plotStyle,
    x: { domain: columns, axis: 'top', label: null, tickRotate: -40, tickSize: 0, padding: 0.06 },
    y: { domain: rows, label: null, tickSize: 0, padding: 0.06 },
    color: { type: 'linear', domain: [0, max], range: ['#f2f6fa', colours.primary] },
    marks: [
      Plot.cell(cells, { x: 'column', y: 'row', fill: 'count', stroke: colours.grid, title: (c: MatrixCell) => `${c.row} – ${c.column}: ${options.format(c.count)}` }),
      Plot.text(cells, {
        x: 'column',
        y: 'row',
        text: (c: MatrixCell) => options.format(c.count),
        // Dark cells get white text: both keep at least 4.5:1 contrast.
        fill: (c: MatrixCell) => (c.count / max > 0.5 ? '#ffffff' : colours.text),
        fontWeight: 600,
      }),
    ],
  });
  return finishChart(chart, options.alt);
}
