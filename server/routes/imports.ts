/**
 * POST /api/imports?filename=saker.csv[&kind=cases]: an administrator uploads one CSV export
 * (the raw file as the body, `Content-Type: text/csv`, at most 50 MB); it is imported as one
 * batch, exactly as `etl -- import` would, and the import report is the answer (file names
 * are the uploaded name). The upload lives in a private temporary folder only while it is
 * read. Audited like a command-line import.
 *
 * Several files in one batch (the import page sends one batch per drop): `filename` and
 * `size` repeated, once per file, and the files' bytes one after the other as the body
 * (`application/octet-stream`); the sizes must add up to the body. All or nothing, as for
 * the command line: a file that cannot be read refuses the whole batch.
 *
 * A municipality user may import too, for their own municipality's schools: rows of other
 * schools are rejected with a reason (etl/load/scopeRejections.ts), the rest loads.
 *
 * One import at a time per database (importLock.ts): a second upload is told so (409
 * `import_running` with Retry-After) before its body is read.
 *
 * An Excel workbook (`filename=…xlsx`, content type `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`
 * or octet-stream) is imported sheet by sheet (etl/load/prepareWorkbook.ts), within the same
 * 50 MB and lock, and with the workbook limits of etl/read/xlsx/xlsxLimits.ts.
 *
 * GET /api/imports/stage: the running import's stage (`reading`, `loading`, `quarantine`,
 * `figures`, or `idle`), which the import page shows once the bytes are sent.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import * as z from 'zod';
import { importAuditDetails } from '../../etl/audit/importAuditDetails.ts';
import { kinds } from '../../etl/contract/index.ts';
import type { KindName } from '../../etl/contract/types.ts';
import { importBatch, type ImportStage } from '../../etl/load/importBatch.ts';
import { ImportError, type ImportReport } from '../../etl/load/importReport.ts';
import { makeUploadTempDir } from '../../etl/load/importTempDir.ts';
import { auditRequest } from '../auth/auditRequest.ts';
import { requireRole, viewerOf } from '../auth/viewer.ts';
import type { AppContext } from '../appContext.ts';
import { HttpError } from '../http/HttpError.ts';
import { acquireImportLock } from './importLock.ts';
import { importStage, setImportStage } from './importStage.ts';
import { validateQuery } from '../http/validateQuery.ts';
import { withConnection } from '../withConnection.ts';

const kindNames = kinds.map((k) => k.kind) as [KindName, ...KindName[]];

const maxFiles = 50;
const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item).min(1).max(maxFiles)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.infer<T>[]);

const ImportRequest = z
  .object({
    filename: oneOrMany(z.string().min(1).max(200)),
    size: oneOrMany(z.string().regex(/^\d{1,9}$/).transform(Number)).optional(),
    kind: z.enum(kindNames).optional(),
  })
  .strict()
  .refine((q) => q.filename.length === 1 || q.size?.length === q.filename.length, {
    message: 'several files need one size per file',
    path: ['size'],
  });

/** CSV, and Excel workbooks (.xlsx, read as their sheets: etl/load/prepareWorkbook.ts). */
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const csvTypes = ['text/csv', 'text/plain', 'text/tab-separated-values', 'application/vnd.ms-excel', 'application/octet-stream', xlsxType];

/** A name safe to write in our own temporary folder: no folders, no odd characters, a CSV ending (or .xlsx: it decides how the file is read). */
export function safeUploadName(filename: string): string {
  const name = basename(filename.replaceAll('\\', '/')).replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '') || 'fil';
  return /\.(csv|tsv|txt|xlsx)$/i.test(name) ? name : `${name}.csv`;
}

/** The body cut into the files it holds, by the sizes given (the whole body for one file without a size). */
function splitBody(body: Buffer, filenames: readonly string[], sizes: readonly number[] | undefined): Buffer[] {
  if (!sizes) return [body];
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total !== body.length) throw new HttpError(400, 'invalid_parameters', [{ parameter: 'size', message: `the sizes add up to ${total} bytes, the body has ${body.length}` }]);
  let at = 0;
  return filenames.map((_, i) => body.subarray(at, (at += sizes[i]!)));
}

/** The report with each temporary path replaced by the name the file was uploaded as. */
function renamed(report: ImportReport, names: ReadonlyMap<string, string>) {
  const name = (file: string) => names.get(file) ?? file;
  return {
    batch_id: report.batch_id,
    files: report.files.map((f) => ({ ...f, file: name(f.file) })),
    rejections: report.rejections.map((r) => ({ ...r, file: name(r.file) })),
    ...(report.skipped_sheets ? { skipped_sheets: report.skipped_sheets.map((k) => ({ ...k, file: name(k.file) })) } : {}),
    ...(report.rejections_omitted ? { rejections_omitted: report.rejections_omitted.map((o) => ({ ...o, file: name(o.file) })) } : {}),
  };
}

export function importRoutes(deps: AppContext): Router {
  const router = Router();
  // Who and what is checked before the body is read: only an administrator or a municipality's own user may send 50 MB.
  const admit: RequestHandler = async (req, res, next) => {
    const viewer = viewerOf(res);
    if (viewer.role !== 'admin' && !(viewer.role === 'municipality' && viewer.municipality)) {
      await auditRequest(deps, req, viewer, { action: 'access_denied', target: 'imports', details: { status: 403 } });
      requireRole(viewer, 'admin');
    }
    if (!deps.pseudonymKey) throw new HttpError(503, 'imports_not_configured');
    validateQuery(ImportRequest, req);
    // Held from before the body is read until the import is over. A client that goes away
    // while its body is read frees it; once the import runs, only its end does.
    const lock = { release: acquireImportLock(deps.instance), importing: false };
    res.locals.importLock = lock;
    res.on('close', () => {
      if (!lock.importing) lock.release();
    });
    next();
  };
  // The running import's stage (importStage.ts), for whoever may import: the page polls it once its bytes are sent.
  router.get('/api/imports/stage', (_req, res) => {
    const viewer = viewerOf(res);
    if (viewer.role !== 'admin' && !(viewer.role === 'municipality' && viewer.municipality)) requireRole(viewer, 'admin');
    res.set('Cache-Control', 'no-store').json({ stage: importStage(deps.instance) });
  });
  router.post('/api/imports', admit, express.raw({ type: csvTypes, limit: '50mb' }), async (req, res) => {
    const lock = res.locals.importLock as { release: () => void; importing: boolean };
    lock.importing = true;
    try {
      await importUpload(deps, req, res);
    } finally {
      lock.release();
    }
  });
  return router;
}

async function importUpload(deps: AppContext, req: Request, res: Response): Promise<void> {
  const viewer = viewerOf(res);
  const { filename: filenames, size, kind } = validateQuery(ImportRequest, req);
  if (!Buffer.isBuffer(req.body)) throw new HttpError(415, 'unsupported_media_type', { expected: 'text/csv' });
  const parts = splitBody(req.body, filenames, size);
  const scope = viewer.role === 'admin' ? undefined : { municipality: viewer.municipality! };
  const dir = makeUploadTempDir();
  // Temporary path → uploaded name; the index keeps two uploads of the same name apart.
  const names = new Map<string, string>();
  try {
    const paths = parts.map((bytes, i) => {
      const path = join(dir, `${i + 1}-${safeUploadName(filenames[i]!)}`);
      writeFileSync(path, bytes, { mode: 0o600 });
      names.set(path, filenames[i]!);
      return path;
    });
    const options = {
      onStage: (stage: ImportStage) => setImportStage(deps.instance, stage),
      key: deps.pseudonymKey!,
      kind,
      scope,
      actor: { username: viewer.username, via: 'http' as const },
      fileName: (file: string) => names.get(file) ?? file,
    };
    const report = await withConnection(deps.instance, (conn) => importBatch(conn, paths, options));
    await auditRequest(deps, req, viewer, { action: 'import', target: 'upload', details: importAuditDetails(report) });
    res.json(renamed(report, names));
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    await auditRequest(deps, req, viewer, { action: 'import', target: 'upload', details: { outcome: 'failed', files: parts.length } });
    // The reason a municipal user understands; the database's own words stay in the server.
    const named = error.file ? names.get(error.file) : undefined;
    const reason = error.file ? `${named ?? 'fil'}: ${error.message.slice(error.file.length + 2)}` : error.message.split(':')[0]!;
    throw new HttpError(422, 'import_failed', { reason, ...(named !== undefined ? { file: named } : {}) });
  } finally {
    setImportStage(deps.instance, 'idle');
    // Even a failed batch may have been half-way when it failed: no kept answer is trusted.
    deps.dataChanged();
    rmSync(dir, { recursive: true, force: true });
  }
}
