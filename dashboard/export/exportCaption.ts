/**
 * What an exported chart carries besides the chart, so the file stands alone: its title, the
 * selection (period, as-of date, scope, level) and a source line. The selection and source
 * are the same for every chart of a view: main.ts sets them on each render (like the
 * definitions' host), so views need not pass them down.
 */
export interface ExportCaption {
  readonly title: string;
  readonly lines: readonly string[];
  readonly source: string;
}

let selection: { lines: readonly string[]; source: string } = { lines: [], source: '' };

export function setExportSelection(lines: readonly string[], source: string): void {
  selection = { lines, source };
}

export function exportCaption(title: string): ExportCaption {
  return { title, ...selection };
}

/**
 * Splits text into lines of at most `maxChars` characters at spaces (SVG text does not
 * wrap); a word longer than a line stands on its own line.
 */
export function wrapText(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
