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

export function streamXml(bytes: Buffer, entry: ZipEntry, budget: InflateBudget, handlers: XmlHandlers, part: string): void {
  const parser = new SaxesParser({ position: false });
  parser.on('opentag', (tag) => handlers.open(localName(tag.name), tag.attributes as Record<string, string>));
  parser.on('closetag', (tag) => handlers.close(localName(tag.name)));
  parser.on('text', (text) => handlers.text(text));
  parser.on('cdata', (text) => handlers.text(text));
  const decoder = new TextDecoder('utf-8', { fatal: false });
  try {
    inflateEntry(bytes, entry, budget, (chunk) => {
      parser.write(decoder.decode(chunk, { stream: true }));
    });
    parser.write(decoder.decode());
    parser.close();
  } catch (error) {
    if (error instanceof XlsxError) throw error;
    throw new XlsxError(`filen er skadet: ${part} er ikke gyldig XML; lagre den på nytt fra Excel`);
  }
}
