/**
 * A chart's SVG as a standalone file, and as a PNG drawn through a canvas. The SVG keeps
 * Plot's inline styles; text colour and font are made explicit, since `currentColor` and
 * inherited fonts mean nothing outside the page.
 */

const svgNamespace = 'http://www.w3.org/2000/svg';

/** The SVG's markup with namespace, size, a white background and explicit text styles. */
export function svgMarkup(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const { width, height } = svgSize(svg);
  copy.setAttribute('xmlns', svgNamespace);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.style.color = '#1a1a1a';
  copy.style.background = '#ffffff';
  copy.style.fontFamily = getComputedStyle(svg).fontFamily || 'sans-serif';
  const background = document.createElementNS(svgNamespace, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  copy.insertBefore(background, copy.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.viewBox.baseVal;
  const width = Number(svg.getAttribute('width')) || box?.width || svg.clientWidth || 640;
  const height = Number(svg.getAttribute('height')) || box?.height || svg.clientHeight || 400;
  return { width, height };
}

export function svgBlob(svg: SVGSVGElement): Blob {
  return new Blob([svgMarkup(svg)], { type: 'image/svg+xml;charset=utf-8' });
}

/** The chart drawn on a canvas at `scale` × its size (2 for sharp print), as a PNG. */
export async function pngBlob(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const { width, height } = svgSize(svg);
  const url = URL.createObjectURL(svgBlob(svg));
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
