/**
 * The import page (`?view=import`, administrators and municipality users): drop files or a
 * folder, see each file's kind before anything is sent (read in the browser by the server's
 * own rules: etl/read/sniffFileHead.ts), send them as one batch with progress per file, and
 * read the report, the rejections and the rejected rows as a file to fix. Templates per kind
 * below. The page keeps its state in itself, not in the URL: the files are the user's.
 */
import { headBytes, sniffFileHead, type FileSniff } from '../../../etl/read/sniffFileHead.ts';
import { uploadBatch, type ImportOutcome } from '../../api/importEndpoints.ts';
import { h } from '../../components/h.ts';
import { scrollRegion } from '../../components/scrollRegion.ts';
import { formatNumber } from '../../format/numberFormat.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { ViewContext, ViewResult } from '../viewContext.ts';
import { droppedFiles, filesOfDrop, filesOfInput, type DroppedFile } from './droppedFiles.ts';
import './import.css';
import { historySection } from './historySection.ts';
import { importStrings, type ImportStrings } from './importStrings.ts';
import { reportSection, type SentFile } from './reportSection.ts';
import { sentPerFile } from './sentPerFile.ts';
import { templatesSection } from './templatesSection.ts';
import { watchServerStage } from './watchServerStage.ts';

/** The server's limit on one import's body (server/routes/imports.ts). */
const maxBatchBytes = 50 * 1024 * 1024;

interface PendingFile extends DroppedFile {
  readonly sniff: FileSniff;
  /** An .xlsx workbook: its sheets are recognised on the server (the browser reads only CSV heads). */
  readonly workbook: boolean;
  readonly progress: HTMLProgressElement;
  readonly stage: HTMLElement;
}

function formatSize(bytes: number, lang: Lang): string {
  if (bytes < 1024 * 1024) return `${formatNumber(Math.max(1, Math.round(bytes / 1024)), lang, 0)} kB`;
  return `${formatNumber(bytes / (1024 * 1024), lang, 1)} MB`;
}

async function sniffed(file: DroppedFile, s: ImportStrings): Promise<PendingFile> {
  const head = new Uint8Array(await file.file.slice(0, headBytes).arrayBuffer());
  // A zip (PK\x03\x04) or an .xlsx name: sent as a workbook, as the server reads it (etl/load/prepareWorkbook.ts).
  const workbook = /\.xlsx$/i.test(file.name) || (head[0] === 0x50 && head[1] === 0x4b && head[2] === 3 && head[3] === 4);
  return {
    ...file,
    workbook,
    sniff: workbook ? { ok: false, reason: '' } : sniffFileHead(head),
    progress: h('progress', { max: Math.max(1, file.file.size), value: 0, 'aria-label': file.name }),
    stage: h('span', { class: 'import-stage' }, s.waiting),
  };
}

export function importView(ctx: ViewContext): ViewResult {
  const { lang, user } = ctx;
  const s = importStrings(lang);
  let pending: PendingFile[] = [];
  let skipped: readonly string[] = [];
  let busy = false;
  /** The list was imported: sending it again would only import the same files twice. */
  let imported = false;
  const pendingBox = h('div', { id: 'import-pending' });
  const resultBox = h('div', { id: 'import-result-box' });

  const sendable = (p: PendingFile) => p.workbook || p.sniff.ok;
  const kindCell = (p: PendingFile) =>
    p.workbook
      ? h('td', { 'data-kind': 'workbook' }, s.workbookKind)
      : p.sniff.ok
      ? h('td', { 'data-kind': p.sniff.kind }, s.kinds[p.sniff.kind])
      : h('td', { 'data-kind': 'unknown', class: 'import-unknown' }, h('strong', {}, s.unknownKind), ': ', p.sniff.reason.replace(/^ukjent filtype: /, ''));

  const drawPending = (): void => {
    if (pending.length === 0 && skipped.length === 0) {
      pendingBox.replaceChildren();
      return;
    }
    const known = pending.filter(sendable);
    const unknown = pending.length - known.length;
    const total = known.reduce((n, p) => n + p.file.size, 0);
    const tooLarge = total > maxBatchBytes;
    const rows = pending.map((p) =>
      h(
        'tr',
        { 'data-file': p.name },
        h('th', { scope: 'row' }, p.name),
        h('td', { class: 'num' }, formatSize(p.file.size, lang)),
        kindCell(p),
        h('td', {}, p.workbook ? s.workbookFormat : p.sniff.ok ? `${s.encodings[p.sniff.encoding] ?? p.sniff.encoding}, ${s.delimiters[p.sniff.delimiter] ?? p.sniff.delimiter}` : s.none),
        h('td', {}, p.sniff.ok && p.sniff.ignoredColumns.length ? p.sniff.ignoredColumns.join(', ') : s.none),
        h('td', { class: 'import-progress' }, sendable(p) ? [p.progress, ' ', p.stage] : s.notSent),
      ),
    );
    const table = h(
      'table',
      { class: 'data-table', id: 'import-files-table' },
      h('caption', {}, s.filesTable),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          [s.columns.file, s.columns.size, s.columns.kind, s.columns.format, s.columns.ignored, s.columns.progress].map((c, i) => h('th', { scope: 'col', class: i === 1 ? 'num' : null }, c)),
        ),
      ),
      h('tbody', {}, rows),
    );
    pendingBox.replaceChildren(
      ...(pending.length ? [scrollRegion(s.filesTable, table)] : []),
      ...(unknown ? [h('p', { class: 'import-warning', id: 'import-unknown-warning', role: 'alert' }, s.unknownWarning(unknown))] : []),
      ...(tooLarge ? [h('p', { class: 'import-warning', id: 'import-too-large', role: 'alert' }, s.tooLarge(formatSize(total, lang)))] : []),
      ...(skipped.length ? [h('p', { class: 'note', id: 'import-skipped' }, s.skipped(skipped.join(', ')))] : []),
      h(
        'div',
        { class: 'import-actions' },
        imported
          ? null
          : known.length
          ? h('button', { type: 'button', class: 'button button-primary', id: 'import-send', disabled: busy || tooLarge, onclick: () => void send() }, s.send(known.length))
          : h('p', { class: 'note' }, s.nothingToSend),
        h('button', { type: 'button', class: 'button', id: 'import-clear', disabled: busy, onclick: () => ((pending = []), (skipped = []), (imported = false), drawPending()) }, s.clear),
      ),
    );
  };

  const take = async (found: Array<{ path: string; file: File }>): Promise<void> => {
    if (busy) return;
    const dropped = droppedFiles(found);
    pending = await Promise.all(dropped.files.map((f) => sniffed(f, s)));
    imported = false;
    skipped = dropped.skipped;
    resultBox.replaceChildren();
    drawPending();
    pendingBox.querySelector<HTMLElement>('caption')?.setAttribute('tabindex', '-1');
  };

  const history = historySection(lang);
  const finish = (outcome: ImportOutcome, sent: readonly PendingFile[]): void => {
    // Loaded or refused, the import is in the history now.
    void history.refresh();
    for (const p of sent) p.stage.textContent = outcome.ok ? s.done : s.failed;
    if (outcome.ok) {
      // The rejected rows as a file to fix are written from CSV text; a workbook is fixed in Excel.
      const files: SentFile[] = sent.filter((p) => !p.workbook).map((p) => ({ name: p.name, file: p.file, delimiter: p.sniff.ok ? p.sniff.delimiter : ';' }));
      resultBox.replaceChildren(reportSection(s, lang, outcome.report, files));
    } else {
      const reason = outcome.reason ?? (outcome.status === 0 ? s.networkFailed : s.httpFailed(outcome.status));
      resultBox.replaceChildren(
        h(
          'section',
          { class: 'panel state-error', id: 'import-result', 'aria-labelledby': 'import-result-heading' },
          h('h2', { id: 'import-result-heading', class: 'state-title', tabindex: -1 }, s.batchFailed),
          h('p', { id: 'import-failure-reason' }, reason),
        ),
      );
    }
    resultBox.querySelector<HTMLElement>('#import-result-heading')?.focus();
  };

  const send = async (): Promise<void> => {
    const sent = pending.filter(sendable);
    if (busy || sent.length === 0) return;
    busy = true;
    drawPending();
    const sizes = sent.map((p) => p.file.size);
    const total = sizes.reduce((a, b) => a + b, 0);
    // Once every byte is sent, the server's own stage (reading, loading, …) replaces «sent».
    let stopWatching: (() => void) | null = null;
    const outcome = await uploadBatch(
      sent.map((p) => ({ name: p.name, blob: p.file })),
      (loaded) => {
        sentPerFile(sizes, loaded).forEach((bytes, i) => {
          const p = sent[i]!;
          p.progress.value = bytes;
          p.stage.textContent = loaded >= total ? s.serverStage : s.sent(formatSize(bytes, lang), formatSize(p.file.size, lang));
        });
        if (loaded >= total && !stopWatching) stopWatching = watchServerStage(lang, (text) => sent.forEach((p) => (p.stage.textContent = text)));
      },
    );
    (stopWatching as (() => void) | null)?.();
    busy = false;
    imported = outcome.ok;
    finish(outcome, sent);
    drawPending();
  };

  const filesInput = h('input', { type: 'file', id: 'import-files', multiple: true, accept: '.csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', hidden: true, onchange: (e: Event) => void take(filesOfInput((e.target as HTMLInputElement).files!)) });
  const folderInput = h('input', { type: 'file', id: 'import-folder', multiple: true, webkitdirectory: true, hidden: true, onchange: (e: Event) => void take(filesOfInput((e.target as HTMLInputElement).files!)) });
  const zone = h(
    'div',
    {
      class: 'drop-zone',
      id: 'import-drop',
      ondragover: (e: Event) => {
        e.preventDefault();
        zone.classList.add('drop-zone-active');
      },
      ondragleave: () => zone.classList.remove('drop-zone-active'),
      ondrop: (e: Event) => {
        e.preventDefault();
        zone.classList.remove('drop-zone-active');
        const transfer = (e as DragEvent).dataTransfer;
        if (transfer) void filesOfDrop(transfer).then(take);
      },
    },
    h('p', { class: 'drop-zone-text' }, s.dropZone),
    h(
      'div',
      { class: 'import-actions' },
      h('button', { type: 'button', class: 'button', id: 'import-choose-files', onclick: () => filesInput.click() }, s.chooseFiles),
      h('button', { type: 'button', class: 'button', id: 'import-choose-folder', onclick: () => folderInput.click() }, s.chooseFolder),
    ),
    h('p', { class: 'note' }, s.accepted),
    filesInput,
    folderInput,
  );
  const element = h(
    'div',
    { class: 'view view-import' },
    h('h1', {}, s.heading),
    h('p', { class: 'import-intro' }, s.intro),
    user.role !== 'admin' && user.municipality ? h('p', { class: 'note', id: 'import-scope' }, s.scopeNote(user.municipality)) : null,
    h('section', { class: 'panel', id: 'import-choose', 'aria-labelledby': 'import-choose-heading' }, h('h2', { id: 'import-choose-heading' }, s.chooseHeading), zone, pendingBox),
    resultBox,
    history.element,
    templatesSection(s),
  );
  return { element, ready: history.load() };
}
