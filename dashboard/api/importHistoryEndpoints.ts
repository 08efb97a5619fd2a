/**
 * GET /api/imports/history: the import history, loaded batches and refused ones
 * (server/routes/importHistory.ts); GET /api/imports/stage: what a running import is doing.
 */
import { getJson, getJsonNow } from './http.ts';

export interface ImportHistoryEntry {
  /** Null for a refused batch: nothing of it was loaded. */
  readonly batch_id: number | null;
  /** Local time, `yyyy-mm-ddThh:mm:ss`. */
  readonly imported_at: string;
  readonly username: string | null;
  readonly via: string | null;
  readonly file_names: readonly string[];
  readonly rows_read: number;
  readonly inserted: number;
  readonly updated: number;
  readonly rejected: number;
  readonly still_quarantined: number;
  readonly outcome: 'loaded' | 'loaded_with_rejections' | 'fixed' | 'refused';
  readonly reason: string | null;
}

export async function getImportHistory(limit = 20): Promise<ImportHistoryEntry[]> {
  return (await getJson<{ batches: ImportHistoryEntry[] }>('/api/imports/history', { limit: String(limit) })).batches;
}

export type ServerImportStage = 'reading' | 'loading' | 'quarantine' | 'figures' | 'idle';

export async function getImportStage(): Promise<ServerImportStage> {
  return (await getJsonNow<{ stage: ServerImportStage }>('/api/imports/stage')).stage;
}
