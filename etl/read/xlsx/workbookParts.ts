/**
 * What a workbook holds besides its cells: the sheets in Excel's order with their names,
 * visibility and parts (xl/workbook.xml and its relationships), the date system, and the
 * shared strings (xl/sharedStrings.xml; a cell of type `s` holds an index into them).
 */
import { posix } from 'node:path';
import { streamXml } from './streamXml.ts';
import type { InflateBudget, ZipEntry } from './zipEntries.ts';
import { XlsxError } from './xlsxError.ts';

export interface SheetPart {
  readonly name: string;
  /** `hidden` or `veryHidden` in Excel: never imported (the user does not see it). */
  readonly hidden: boolean;
  /** The sheet's entry in the zip; null when the workbook names a part it does not hold. */
  readonly entry: ZipEntry | null;
}

export interface WorkbookParts {
  readonly sheets: readonly SheetPart[];
  /** The 1904 date system (old Mac Excel): serial 0 is 1 January 1904 instead of 31 December 1899. */
  readonly date1904: boolean;
  readonly sharedStrings: readonly string[];
}

type Entries = ReadonlyMap<string, ZipEntry>;

const noWorkbook = 'filen er ikke en Excel-arbeidsbok (mangler xl/workbook.xml); lagre den fra Excel som «Excel-arbeidsbok (.xlsx)»';

/** The workbook part named by the package's root relationships (normally xl/workbook.xml). */
async function workbookPath(bytes: Buffer, entries: Entries, budget: InflateBudget): Promise<string> {
  const rels = entries.get('_rels/.rels');
  let target: string | null = null;
  if (rels) {
    await streamXml(bytes, rels, budget, {
      open: (name, a) => {
        if (name === 'Relationship' && a.Type?.endsWith('/officeDocument') && a.Target) target ??= a.Target.replace(/^\//, '');
      },
      close: () => undefined,
      text: () => undefined,
    }, '_rels/.rels');
  }
  return target ?? 'xl/workbook.xml';
}

async function relationships(bytes: Buffer, entries: Entries, budget: InflateBudget, workbook: string): Promise<Map<string, string>> {
  const dir = posix.dirname(workbook);
  const rels = entries.get(posix.join(dir, '_rels', `${posix.basename(workbook)}.rels`));
  const targets = new Map<string, string>();
  if (!rels) return targets;
  await streamXml(bytes, rels, budget, {
    open: (name, a) => {
      if (name !== 'Relationship' || !a.Id || !a.Target) return;
      targets.set(a.Id, a.Target.startsWith('/') ? a.Target.slice(1) : posix.normalize(posix.join(dir, a.Target)));
    },
    close: () => undefined,
    text: () => undefined,
  }, 'arbeidsbokens relasjoner');
  return targets;
}

async function sharedStrings(bytes: Buffer, entry: ZipEntry | undefined, budget: InflateBudget, max: number): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0; // <rPh> runs are reading aids (furigana), not the cell's text
  await streamXml(bytes, entry, budget, {
    open: (name) => {
      if (name === 'si') current = [];
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) inText = true;
    },
    close: (name) => {
      if (name === 'si' && current) {
        if (strings.length >= max) throw new XlsxError(`arbeidsboken har mer enn ${max.toLocaleString('nb-NO').replace(/\s/g, ' ')} ulike tekster; del den opp`);
        strings.push(current.join(''));
        current = null;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text: (text) => {
      if (inText && current) current.push(text);
    },
  }, 'delte tekster (sharedStrings.xml)');
  return strings;
}

export async function workbookParts(bytes: Buffer, entries: Entries, budget: InflateBudget, maxSharedStrings: number): Promise<WorkbookParts> {
  const path = await workbookPath(bytes, entries, budget);
  const workbook = entries.get(path);
  if (!workbook) throw new XlsxError(noWorkbook);
  const targets = await relationships(bytes, entries, budget, path);
  const sheets: SheetPart[] = [];
  let date1904 = false;
  let sharedPath: string | null = null;
  await streamXml(bytes, workbook, budget, {
    open: (name, a) => {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name !== 'sheet') return;
      const id = Object.entries(a).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1];
      const target = id ? targets.get(id) : undefined;
      sheets.push({ name: a.name ?? `Ark${sheets.length + 1}`, hidden: a.state === 'hidden' || a.state === 'veryHidden', entry: target ? (entries.get(target) ?? null) : null });
    },
    close: () => undefined,
    text: () => undefined,
  }, 'xl/workbook.xml');
  for (const [, target] of targets) if (target.endsWith('sharedStrings.xml')) sharedPath = target;
  const shared = await sharedStrings(bytes, entries.get(sharedPath ?? 'xl/sharedStrings.xml'), budget, maxSharedStrings);
  return { sheets, date1904, sharedStrings: shared };
}
