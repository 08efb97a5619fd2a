/**
 * Makes a Plot chart one image for assistive technology: the SVG gets role="img" and the
 * chart's text alternative; Plot's own aria-label on each mark group is removed, since
 * aria-label on a <g> without a role is not allowed (axe: aria-prohibited-attr) and the
 * chart's data is offered as a table beside it.
 */
export function finishChart(chart: SVGSVGElement | HTMLElement, alt: string): SVGSVGElement {
  const svg = chart instanceof SVGSVGElement ? chart : chart.querySelector('svg');
  if (!svg) throw new Error('chart has no SVG');
  for (const el of svg.querySelectorAll('[aria-label], [aria-description]')) {
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-description');
  }
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', alt);
  svg.classList.add('chart-svg');
  return svg;
}
