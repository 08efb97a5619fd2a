/**
 * Schools × topics: the demand of each school on each topic as a shaded cell with its number,
 * the reach of the efforts on the topic as a bar along the cell's foot, and high demand with
 * low reach outlined and marked "!" (not by colour alone). The cells are
 * reachable by keyboard: the grid is one tab stop and the arrow keys, Home and End move
 * between cells (a roving tabindex), each cell read out with its school, topic, demand and
 * reach. Drawn as plain SVG: Plot's marks cannot be focused.
 */
import { interpolateBlues } from 'd3';
import { colours } from './chartTheme.ts';

export interface HeatmapCell {
  readonly row: number;
  readonly column: number;
  readonly value: number;
  /** The cell's number as shown ("3", "3*" when part of it is hidden). */
  readonly text: string;
  /** What a screen reader says for the cell. */
  readonly label: string;
  readonly marked: boolean;
  /** The share reached by efforts on the topic, drawn as a bar along the cell's foot (capped at the full width); null: none drawn. */
  readonly reach: number | null;
}

export interface DemandHeatmapOptions {
  readonly alt: string;
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  readonly cellWidth?: number;
}

const svgNs = 'http://www.w3.org/2000/svg';

function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(svgNs, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

export function demandHeatmap(cells: readonly HeatmapCell[], options: DemandHeatmapOptions): SVGSVGElement {
  const cw = options.cellWidth ?? 56;
  const ch = 30;
  const left = Math.min(260, Math.max(80, ...options.rows.map((r) => r.length * 7)) + 12);
  const top = Math.min(190, Math.max(60, ...options.columns.map((c) => c.length * 5.2)) + 16);
  // The last column labels lean right past the grid (rotated 40°).
  const right = Math.min(160, Math.max(8, ...options.columns.map((c, i) => c.length * 7 * Math.cos(Math.PI / 4.5) - (options.columns.length - i - 0.5) * cw)));
  const width = left + options.columns.length * cw + right;
  const height = top + options.rows.length * ch + 8;
  const max = Math.max(1, ...cells.map((c) => c.value));
  const svg = svgEl('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-label': options.alt, class: 'heatmap-svg' });
  svg.style.fontSize = '12px';
  options.columns.forEach((label, i) => {
    const x = left + i * cw + cw / 2;
    const text = svgEl('text', { x, y: top - 8, transform: `rotate(-40 ${x} ${top - 8})`, fill: colours.text, 'aria-hidden': 'true' });
    text.textContent = label;
    svg.append(text);
  });
  options.rows.forEach((label, i) => {
    const text = svgEl('text', { x: left - 8, y: top + i * ch + ch / 2 + 4, 'text-anchor': 'end', fill: colours.text, 'aria-hidden': 'true' });
    text.textContent = label;
    svg.append(text);
  });
  const groups: SVGGElement[] = [];
  for (const cell of cells) {
    const x = left + cell.column * cw;
    const y = top + cell.row * ch;
    const share = cell.value / max;
    const g = svgEl('g', { class: `heatmap-cell${cell.marked ? ' marked' : ''}`, role: 'img', 'aria-label': cell.label, tabindex: -1, 'data-row': cell.row, 'data-column': cell.column });
    g.append(svgEl('rect', { x: x + 1, y: y + 1, width: cw - 2, height: ch - 2, fill: cell.value === 0 ? '#f7f9fb' : interpolateBlues(0.15 + 0.75 * share), stroke: cell.marked ? colours.median : colours.grid, 'stroke-width': cell.marked ? 3 : 1 }));
    if (cell.reach !== null && cell.reach > 0) {
      g.append(svgEl('rect', { x: x + 3, y: y + ch - 6, width: Math.max(2, (cw - 6) * Math.min(1, cell.reach)), height: 3, fill: share > 0.55 ? '#fff' : colours.text }));
    }
    const text = svgEl('text', { x: x + cw / 2, y: y + ch / 2 + 2, 'text-anchor': 'middle', fill: share > 0.55 ? '#fff' : colours.text, 'font-weight': cell.marked ? 'bold' : 'normal' });
    text.textContent = cell.marked ? `${cell.text}!` : cell.text;
    g.append(text);
    svg.append(g);
    groups.push(g);
  }
  if (groups[0]) groups[0].setAttribute('tabindex', '0');
  const at = new Map(groups.map((g) => [`${g.dataset.row}|${g.dataset.column}`, g]));
  svg.addEventListener('keydown', (event) => {
    const current = (event.target as Element).closest('.heatmap-cell') as SVGGElement | null;
    if (!current) return;
    let row = Number(current.dataset.row);
    let column = Number(current.dataset.column);
    const moves: Record<string, () => void> = {
      ArrowRight: () => (column = Math.min(options.columns.length - 1, column + 1)),
      ArrowLeft: () => (column = Math.max(0, column - 1)),
      ArrowDown: () => (row = Math.min(options.rows.length - 1, row + 1)),
      ArrowUp: () => (row = Math.max(0, row - 1)),
      Home: () => (column = 0),
      End: () => (column = options.columns.length - 1),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    move();
    const next = at.get(`${row}|${column}`);
    if (!next || next === current) return;
    current.setAttribute('tabindex', '-1');
    next.setAttribute('tabindex', '0');
    next.focus();
  });
  return svg;
}
