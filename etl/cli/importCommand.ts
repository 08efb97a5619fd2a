/** `import <file-or-folder>... [--db path] [--kind K] [--json]`: contract section 5. */
import type { DuckDBConnection } from '@duckdb/node-api';
import { appendAudit, type AuditEntry } from '../audit/auditLog.ts';
import { cliActor } from '../audit/cliActor.ts';
import { importAuditDetails } from '../audit/importAuditDetails.ts';
import { openDatabase } from '../db/openDatabase.ts';
import { secretPathFor } from '../db/defaultPaths.ts';
import type { KindName } from '../contract/types.ts';
import { importBatch } from '../load/importBatch.ts';
import type { ImportReport } from '../load/importReport.ts';
import { loadOrCreatePseudonymKey } from '../load/pseudonymKey.ts';

export interface ImportCommandOptions {
  db: string;
  json?: boolean;
  kind?: KindName;
}

export async function importCommand(paths: string[], options: ImportCommandOptions): Promise<void> {
  const db = await openDatabase(options.db);
  try {
    const key = loadOrCreatePseudonymKey(secretPathFor(options.db));
    const report = await importBatch(db.connection, paths, { key, kind: options.kind }).catch(async (error: unknown) => {
      // The reason goes to stderr; the log notes the failed attempt (and never hides the error).
      await auditImport(db.connection, { outcome: 'failed', files: paths.length }).catch(() => undefined);
      throw error;
    });
    await auditImport(db.connection, importAuditDetails(report));
    process.stdout.write(options.json ? JSON.stringify(stripBatch(report)) + '\n' : formatReport(report));
  } finally {
    db.close();
  }
}

async function auditImport(conn: DuckDBConnection, details: AuditEntry['details']): Promise<void> {
  await appendAudit(conn, { at: new Date(), username: cliActor(), role: null, via: 'cli', action: 'import', target: null, details });
}

function stripBatch(report: ImportReport) {
  const skipped = report.skipped_sheets ? { skipped_sheets: report.skipped_sheets } : {};
  const omitted = report.rejections_omitted ? { rejections_omitted: report.rejections_omitted } : {};
  return { files: report.files, rejections: report.rejections, ...skipped, ...omitted, batch_id: report.batch_id };
}

function formatReport(report: ImportReport): string {
  const lines = [`Import ${report.batch_id}:`];
  for (const f of report.files) {
    lines.push(
      `  ${f.file}${f.sheet !== undefined ? ` › ${f.sheet}` : ''} (${f.kind}): ${f.read} lest, ${f.inserted} nye, ${f.updated} endret, ${f.unchanged} uendret, ${f.rejected} avvist` +
        (f.ignored_columns.length ? `; ignorerte kolonner: ${f.ignored_columns.join(', ')}` : ''),
    );
  }
  if (report.rejections.length) {
    lines.push('Avviste rader:');
    for (const r of report.rejections) lines.push(`  ${r.file}${r.sheet !== undefined ? ` › ${r.sheet}, rad ` : ':'}${r.line} [${r.column ?? '-'}] ${r.reason}`);
  }
  if (report.skipped_sheets?.length) {
    lines.push('Ark som ikke ble lest inn:');
    for (const k of report.skipped_sheets) lines.push(`  ${k.file} › ${k.sheet}: ${k.reason}`);
  }
  for (const o of report.rejections_omitted ?? []) {
    lines.push(`  ${o.file}: ${o.count} avviste rader til er ikke vist her (se «etl -- quarantine --batch ${report.batch_id}»)`);
  }
  return lines.join('\n') + '\n';
}
