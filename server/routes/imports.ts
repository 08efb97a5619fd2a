/**
 * POST /api/imports?filename=saker.csv[&kind=cases]: an administrator uploads one CSV export
 * (the raw file as the body, `Content-Type: text/csv`, at most 50 MB); it is imported as one
 * batch, exactly as `etl -- import` would, and the import report is the answer (file names
 * are the uploaded name). The upload lives in a private temporary folder only while it is
 * read. Audited like a command-line import.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import { importAuditDetails } from '../../etl/audit/importAuditDetails.ts';
import { kinds } from '../../etl/contract/index.ts';
import type { KindName } from '../../etl/contract/types.ts';
import { importBatch } from '../../etl/load/importBatch.ts';
import { ImportError, type ImportReport } from '../../etl/load/importReport.ts';
import { makeUploadTempDir } from '../../etl/load/importTempDir.ts';
import { auditRequest } from '../auth/auditRequest.ts';
import { requireRole, viewerOf } from '../auth/viewer.ts';
import type { AppContext } from '../appContext.ts';
import { HttpError } from '../http/HttpError.ts';
import { acquireImportLock } from './importLock.ts';
import { validateQuery } from '../http/validateQuery.ts';
import { withConnection } from '../withConnection.ts';

const kindNames = kinds.map((k) => k.kind) as [KindName, ...KindName[]];

const ImportRequest = z
  .object({
    filename: z.string().min(1).max(200),
    kind: z.enum(kindNames).optional(),
  })
  .strict();

const csvTypes = ['text/csv', 'text/plain', 'text/tab-separated-values', 'application/vnd.ms-excel'];

/** A name safe to write in our own temporary folder: no folders, no odd characters, a CSV ending. */
export function safeUploadName(filename: string): string {
  const name = basename(filename.replaceAll('\\', '/')).replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '') || 'fil';
  return /\.(csv|tsv|txt)$/i.test(name) ? name : `${name}.csv`;
}

/** The report with the temporary path replaced by the name the file was uploaded as. */
function renamed(report: ImportReport, path: string, filename: string) {
  const name = (file: string) => (file === path ? filename : file);
  return {
    batch_id: report.batch_id,
    files: report.files.map((f) => ({ ...f, file: name(f.file) })),
    rejections: report.rejections.map((r) => ({ ...r, file: name(r.file) })),
  };
}

export function importRoutes(deps: AppContext): Router {
  const router = Router();
  // Who and what is checked before the body is read: only an administrator may send 50 MB.
  const admit: RequestHandler = async (req, res, next) => {
    const viewer = viewerOf(res);
    if (viewer.role !== 'admin') {
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
  const { filename, kind } = validateQuery(ImportRequest, req);
  if (!Buffer.isBuffer(req.body)) throw new HttpError(415, 'unsupported_media_type', { expected: 'text/csv' });
  const dir = makeUploadTempDir();
  const path = join(dir, safeUploadName(filename));
  try {
    writeFileSync(path, req.body, { mode: 0o600 });
    const options = { key: deps.pseudonymKey!, kind, actor: { username: viewer.username, via: 'http' as const }, fileName: (file: string) => (file === path ? filename : file) };
    const report = await withConnection(deps.instance, (conn) => importBatch(conn, [path], options));
    await auditRequest(deps, req, viewer, { action: 'import', target: 'upload', details: importAuditDetails(report) });
    res.json(renamed(report, path, filename));
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    await auditRequest(deps, req, viewer, { action: 'import', target: 'upload', details: { outcome: 'failed', files: 1 } });
    // The reason a municipal user understands; the database's own words stay in the server.
    const reason = error.file ? `${filename}: ${error.message.slice(error.file.length + 2)}` : error.message.split(':')[0]!;
    throw new HttpError(422, 'import_failed', { reason });
  } finally {
    // Even a failed batch may have been half-way when it failed: no kept answer is trusted.
    deps.dataChanged();
    rmSync(dir, { recursive: true, force: true });
  }
}
