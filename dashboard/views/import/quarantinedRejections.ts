/**
 * The rejections of one uploaded file among a batch's quarantined rows: the quarantine names
 * a file by its last part (importHistory.ts drops any folder of a dropped folder), so the
 * upload's name is compared the same way. Each row once per line, column and reason, in line order.
 */
import type { LineRejection } from '../../../etl/exchange/rejectedRowsFile.ts';
import type { QuarantinedRowAnswer } from '../../api/importQuarantineEndpoint.ts';

const lastPart = (name: string) => name.split(/[/\\]/).pop()!;

export function quarantinedRejections(uploadName: string, rows: readonly QuarantinedRowAnswer[]): LineRejection[] {
  const file = lastPart(uploadName);
  const seen = new Set<string>();
  const out: LineRejection[] = [];
  for (const r of rows) {
    if (r.file !== file) continue;
    const key = `${r.line}\u0000${r.column ?? ''}\u0000${r.reason}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ line: r.line, column: r.column, reason: r.reason });
  }
  return out.sort((a, b) => a.line - b.line);
}
