/**
 * Parses one XML part of a zip as it inflates (saxes, a strict streaming parser): the
 * part is never held whole. saxes expands only XML's five entities and character
 * references, so a document type cannot make it fetch files or expand entities.
 */
import { SaxesParser } from 'saxes';
import { inflateEntry, type InflateBudget, type ZipEntry } from './zipEntries.ts';
import { XlsxError } from './xlsxError.ts';

export interface XmlHandlers {
  /** An element opens; the name without its namespace prefix. */
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  close(name: string): void;
  text(text: string): void;
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * The longest run of characters without `<` or `>`: a text or a tag longer than this is no
 * spreadsheet's (a cell holds at most 32,767 characters), and the parser would hold it whole.
 */
export const maxMarkupGap = 1 << 20;

/** Tracks the run since the last `<` or `>` over the chunks; throws when it passes the cap. */
function markupGapCheck(part: string): (text: string) => void {
  let run = 0;
  const fail = () => {
    throw new XlsxError(`${part} har en tekst eller et element som er lengre enn ${maxMarkupGap / (1 << 20)} MB; det er ikke en vanlig Excel-fil`);
  };
  return (text) => {
    let prev = -1;
    let lt = text.indexOf('<');
    let gt = text.indexOf('>');
    for (;;) {
      const next = lt === -1 ? gt : gt === -1 ? lt : Math.min(lt, gt);
      if (next === -1) break;
      if ((prev === -1 ? run + next : next - prev - 1) > maxMarkupGap) fail();
      prev = next;
      if (next === lt) lt = text.indexOf('<', lt + 1);
      else gt = text.indexOf('>', gt + 1);
    }
    run = prev === -1 ? run + text.length : text.length - prev - 1;
    if (run > maxMarkupGap) fail();
  };
}

export async function streamXml(bytes: Buffer, entry: ZipEntry, budget: InflateBudget, handlers: XmlHandlers, part: string): Promise<void> {
  const parser = new SaxesParser({ position: false });
  parser.on('opentag', (tag) => handlers.open(localName(tag.name), tag.attributes as Record<string, string>));
  parser.on('closetag', (tag) => handlers.close(localName(tag.name)));
  parser.on('text', (text) => handlers.text(text));
  parser.on('cdata', (text) => handlers.text(text));
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const checkGap = markupGapCheck(part);
  try {
    await inflateEntry(bytes, entry, budget, (chunk) => {
      const text = decoder.decode(chunk, { stream: true });
      checkGap(text);
      parser.write(text);
    });
    parser.write(decoder.decode());
    parser.close();
  } catch (error) {
    if (error instanceof XlsxError) throw error;
    throw new XlsxError(`filen er skadet: ${part} er ikke gyldig XML; lagre den på nytt fra Excel`);
  }
}
