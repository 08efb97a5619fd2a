/**
 * A chart's SVG as a standalone file, and as a PNG drawn through a canvas. The file is a
 * frame around the chart: the title, the selection (period, scope) and a source line above
 * and below it, and a margin all round, so labels Plot draws just outside its box (it lets
 * them overflow on screen) are not cut. The SVG keeps Plot's inline styles; text colour and
 * font are made explicit, since `currentColor` and inherited fonts mean nothing outside the page.
 */
import { wrapText, type ExportCaption } from './exportCaption.ts';

const svgNamespace = 'http://www.w3.org/2000/svg';
const pad = 24;
const titleSize = 16;
const lineSize = 12;

function svgText(x: number, y: number, text: string, size: number, bold = false): SVGTextElement {
  const el = document.createElementNS(svgNamespace, 'text');
  el.setAttribute('x', String(x));
  el.setAttribute('y', String(y));
  el.setAttribute('font-size', String(size));
  el.setAttribute('fill', '#1a1a1a');
  if (bold) el.setAttribute('font-weight', 'bold');
  el.textContent = text;
  return el;
}

/** The framed SVG: caption above, the chart (with room round it), the source line below. */
function framed(svg: SVGSVGElement, caption: ExportCaption | undefined): SVGSVGElement {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const { width, height } = svgSize(svg);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('overflow', 'visible');
  const frameWidth = width + 2 * pad;
  // About 0.55 em per character: a line that fits the frame (SVG text does not wrap).
  const fit = (size: number) => Math.max(20, Math.floor((frameWidth - 2 * pad) / (size * 0.55)));
  const title = caption ? wrapText(caption.title, fit(titleSize)) : [];
  const lines = caption ? caption.lines.flatMap((l) => wrapText(l, fit(lineSize))) : [];
  const source = caption?.source ? wrapText(caption.source, fit(lineSize)) : [];
  const outer = document.createElementNS(svgNamespace, 'svg');
  let y = pad;
  const texts: SVGTextElement[] = [];
  for (const line of title) texts.push(svgText(pad, (y += titleSize * 1.3), line, titleSize, true));
  for (const line of lines) texts.push(svgText(pad, (y += lineSize * 1.5), line, lineSize));
  y += title.length + lines.length ? pad : 0;
  copy.setAttribute('x', String(pad));
  copy.setAttribute('y', String(y));
  y += height + pad / 2;
  for (const line of source) texts.push(svgText(pad, (y += lineSize * 1.5), line, lineSize));
  const frameHeight = y + pad;
  outer.setAttribute('xmlns', svgNamespace);
  outer.setAttribute('width', String(frameWidth));
  outer.setAttribute('height', String(frameHeight));
  outer.setAttribute('viewBox', `0 0 ${frameWidth} ${frameHeight}`);
  outer.style.color = '#1a1a1a';
  outer.style.fontFamily = getComputedStyle(svg).fontFamily || 'sans-serif';
  const background = document.createElementNS(svgNamespace, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  if (caption) {
    const label = document.createElementNS(svgNamespace, 'title');
    label.textContent = [caption.title, ...caption.lines].join(' – ');
    outer.append(label);
  }
  outer.append(background, ...texts, copy);
  return outer;
}

/** The framed chart's markup, with its XML declaration. */
export function svgMarkup(svg: SVGSVGElement, caption?: ExportCaption): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(framed(svg, caption))}`;
}

export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.viewBox.baseVal;
  const width = Number(svg.getAttribute('width')) || box?.width || svg.clientWidth || 640;
  const height = Number(svg.getAttribute('height')) || box?.height || svg.clientHeight || 400;
  return { width, height };
}

export function svgBlob(svg: SVGSVGElement, caption?: ExportCaption): Blob {
  return new Blob([svgMarkup(svg, caption)], { type: 'image/svg+xml;charset=utf-8' });
}

/** The framed file's size in CSS pixels (read back from the markup: the frame depends on the caption). */
function framedSize(markup: string): { width: number; height: number } {
  const m = /<svg[^>]*?\swidth="([\d.]+)"[^>]*?\sheight="([\d.]+)"/.exec(markup);
  return { width: Number(m?.[1] ?? 640), height: Number(m?.[2] ?? 400) };
}

/** The chart drawn on a canvas at `scale` × its size (2 for sharp print), as a PNG. */
export async function pngBlob(svg: SVGSVGElement, caption?: ExportCaption, scale = 2): Promise<Blob> {
  const markup = svgMarkup(svg, caption);
  const { width, height } = framedSize(markup);
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.decoding = 'sync';
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('canvas 2d context unavailable');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
