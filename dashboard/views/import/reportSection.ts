/**
 * The answer to one batch: the report per file, and for each file with rejected rows the
 * rejections (line, column, reason) and the file of rejected rows to fix and drop again,
 * written here from the file the user holds (etl/exchange/rejectedRowsFile.ts). A file with
 * more rejections than the report lists (rejections_omitted) gets them all in its fix file,
 * fetched from the batch's quarantine, and the page says that it lists only the first.
 */
import { rejectedRowsFile } from '../../../etl/exchange/rejectedRowsFile.ts';
import { decodeBytes } from '../../../etl/read/decodeBytes.ts';
import type { Delimiter } from '../../../etl/read/sniffHeader.ts';
import type { ImportAnswer, ImportRejection } from '../../api/importEndpoints.ts';
import { getQuarantinedRows } from '../../api/importQuarantineEndpoint.ts';
import { dataTable } from '../../components/dataTable.ts';
import { h } from '../../components/h.ts';
import { scrollRegion } from '../../components/scrollRegion.ts';
import { downloadBlob, fileSlug } from '../../export/download.ts';
import { formatCount } from '../../format/numberFormat.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { ImportStrings } from './importStrings.ts';
import { omittedStrings } from './omittedStrings.ts';
import { quarantinedRejections } from './quarantinedRejections.ts';

/** A file as the report names it: with its sheet for a workbook's sheet. */
const shownName = (f: { readonly file: string; readonly sheet?: string }) => (f.sheet === undefined ? f.file : `${f.file} › ${f.sheet}`);

/** Rejections shown on the page per file; the fix file holds them all. */
const shownRejections = 200;

export interface SentFile {
  readonly name: string;
  readonly file: File;
  readonly delimiter: Delimiter;
}

/** What the fix file of one file is made from: the report's rejections, or all of the quarantine's when the report lists only some. */
interface RejectionSource {
  readonly listed: readonly ImportRejection[];
  /** Set when the report left rejections out: the batch whose quarantine holds them all. */
  readonly batchId: number | null;
  readonly lang: Lang;
}

async function downloadRejected(s: ImportStrings, sent: SentFile, source: RejectionSource, status: HTMLElement): Promise<void> {
  let rejections: readonly { line: number; column: string | null; reason: string }[] = source.listed;
  if (source.batchId !== null) {
    try {
      rejections = quarantinedRejections(sent.name, await getQuarantinedRows(source.batchId));
    } catch {
      status.textContent = omittedStrings(source.lang).quarantineFailed;
      return;
    }
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await sent.file.arrayBuffer());
  } catch {
    status.textContent = s.fileGone;
    return;
  }
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    status.textContent = decoded.reason;
    return;
  }
  const text = rejectedRowsFile(decoded.text, sent.delimiter, rejections, s.reasonHeader);
  const base = sent.name.split('/').pop()!.replace(/\.[^.]*$/, '');
  downloadBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), `${fileSlug(s.rejectedName(base))}.csv`);
}

function rejectionsBlock(s: ImportStrings, sent: SentFile | undefined, name: string, index: number, source: RejectionSource, total: number): HTMLElement {
  const rejections = source.listed;
  const n = (v: number) => formatCount(v, source.lang);
  const headingId = `rejections-heading-${index}`;
  const status = h('p', { class: 'note', role: 'status' });
  const table = dataTable(
    s.rejectionsTable(name),
    [
      { header: s.rejection.line, value: (r: ImportRejection) => r.line, numeric: true, rowHeader: true },
      { header: s.rejection.column, value: (r: ImportRejection) => r.column ?? s.none },
      { header: s.rejection.reason, value: (r: ImportRejection) => r.reason },
    ],
    rejections.slice(0, shownRejections),
  );
  table.id = `rejections-${index}`;
  return h(
    'section',
    { class: 'import-rejections', 'aria-labelledby': headingId, 'data-file': name },
    h('h3', { id: headingId }, s.rejectionsHeading(name, n(total))),
    total > rejections.length ? h('p', { class: 'note', id: `rejections-omitted-${index}` }, omittedStrings(source.lang).omittedNote(n(rejections.length), n(total))) : null,
    sent
      ? h('button', { type: 'button', class: 'button', id: `download-rejected-${index}`, onclick: () => void downloadRejected(s, sent, source, status) }, s.downloadRejected)
      : null,
    status,
    scrollRegion(s.rejectionsTable(name), table),
    total > shownRejections ? h('p', { class: 'note', id: `rejections-more-${index}` }, s.moreRejections(n(total - shownRejections))) : null,
  );
}

export function reportSection(s: ImportStrings, lang: Lang, answer: ImportAnswer, sent: readonly SentFile[]): HTMLElement {
  const n = (v: number) => formatCount(v, lang);
  const table = dataTable(
    s.reportTable,
    [
      { header: s.report.file, value: (f: ImportAnswer['files'][number]) => shownName(f), rowHeader: true },
      { header: s.report.kind, value: (f) => s.kinds[f.kind] ?? f.kind },
      { header: s.report.read, value: (f) => f.read, text: (f) => n(f.read), numeric: true },
      { header: s.report.inserted, value: (f) => f.inserted, text: (f) => n(f.inserted), numeric: true },
      { header: s.report.updated, value: (f) => f.updated, text: (f) => n(f.updated), numeric: true },
      { header: s.report.unchanged, value: (f) => f.unchanged, text: (f) => n(f.unchanged), numeric: true },
      { header: s.report.rejected, value: (f) => f.rejected, text: (f) => n(f.rejected), numeric: true },
      { header: s.report.ignored, value: (f) => (f.ignored_columns.length ? f.ignored_columns.join(', ') : s.none) },
    ],
    answer.files,
  );
  table.id = 'import-report';
  const same = (f: ImportAnswer['files'][number]) => (r: ImportRejection) => r.file === f.file && r.sheet === f.sheet;
  const withRejections = answer.files.filter((f) => answer.rejections.some(same(f)));
  const skippedSheets = answer.skipped_sheets ?? [];
  return h(
    'section',
    { class: 'panel', id: 'import-result', 'aria-labelledby': 'import-result-heading' },
    h('h2', { id: 'import-result-heading', tabindex: -1 }, s.reportHeading),
    h('p', { class: 'note' }, s.batch(answer.batch_id)),
    scrollRegion(s.reportTable, table),
    skippedSheets.length ? h('p', { class: 'note', id: 'import-skipped-sheets' }, s.skippedSheets(skippedSheets.map((k) => `${k.file} › ${k.sheet} (${k.reason})`).join('; '))) : null,
    withRejections.length ? h('p', { class: 'note' }, s.rejectedNote) : null,
    withRejections.some((f) => f.sheet !== undefined) ? h('p', { class: 'note' }, s.sheetRowNote) : null,
    withRejections.map((f, i) => {
      const listed = answer.rejections.filter(same(f));
      // The server names the file without its sheet here; a fix file is made for CSV files only.
      const omitted = answer.rejections_omitted?.find((o) => o.file === f.file)?.count ?? 0;
      const source = { listed, batchId: omitted > 0 ? answer.batch_id : null, lang };
      return rejectionsBlock(s, f.sheet === undefined ? sent.find((x) => x.name === f.file) : undefined, shownName(f), i, source, listed.length + omitted);
    }),
  );
}
