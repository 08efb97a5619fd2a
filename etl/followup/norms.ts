/**
 * The municipalities' year-wheel norms (contract section 4b): the guides' defaults, the
 * schema a change must pass, and reading and writing the `norms` table. A municipality
 * without a row has the defaults; every school of a municipality is held to its norms.
 */
import { INTEGER, LIST, VARCHAR, listValue, type DuckDBConnection } from '@duckdb/node-api';
import * as z from 'zod';
import { TIMESTAMP, timestampOf } from '../accounts/sqlTimestamp.ts';
import { tableWritable } from '../db/tableWritable.ts';

/** Weekly meetings (Bærum, Sandnes; Hustadvika allows 14) and TGL at least twice a school year (Sandnes). */
export const defaultNorms = { meeting_interval_days: 7, tgl_meetings_per_school_year: 2 } as const;

/** A change of norms, as an administrator or municipality user sends it (the boundary). */
export const Norms = z
  .object({
    meeting_interval_days: z.number().int('hele dager').min(1, 'minst 1 dag').max(92, 'høyst 92 dager'),
    tgl_meetings_per_school_year: z.number().int('et helt antall').min(0, 'ikke negativt').max(60, 'høyst 60'),
  })
  .strict();
export type Norms = z.infer<typeof Norms>;

export interface MunicipalityNorms extends Norms {
  readonly municipality: string;
  /** True when nobody has set this municipality's norms: the guides' defaults apply. */
  readonly is_default: boolean;
  /** When and by whom they were last changed (null for the defaults). */
  readonly updated_at: string | null;
  readonly updated_by: string | null;
}

/** The norms of each municipality asked for, in the order asked, the defaults where none is stored. */
export async function readNorms(conn: DuckDBConnection, municipalities: readonly string[]): Promise<MunicipalityNorms[]> {
  const reader = await conn.runAndReadAll(
    `SELECT municipality, meeting_interval_days, tgl_meetings_per_school_year,
            strftime(updated_at, '%Y-%m-%dT%H:%M:%SZ') AS updated_at, updated_by
     FROM norms WHERE list_contains($municipalities, municipality)`,
    { municipalities: listValue([...municipalities]) },
    { municipalities: LIST(VARCHAR) },
  );
  const stored = new Map((reader.getRowObjectsJS() as unknown as MunicipalityNorms[]).map((r) => [r.municipality, r]));
  return municipalities.map((municipality) => {
    const row = stored.get(municipality);
    return row
      ? { ...row, meeting_interval_days: Number(row.meeting_interval_days), tgl_meetings_per_school_year: Number(row.tgl_meetings_per_school_year), is_default: false }
      : { municipality, ...defaultNorms, is_default: true, updated_at: null, updated_by: null };
  });
}

/** Stores a municipality's norms (replacing what was there). The caller checks who may, and audits. */
export async function writeNorms(conn: DuckDBConnection, municipality: string, norms: Norms, by: string | null, at: Date): Promise<void> {
  await conn.run(
    `INSERT INTO norms VALUES ($municipality, $interval, $tgl, $at, $by)
     ON CONFLICT (municipality) DO UPDATE SET meeting_interval_days = excluded.meeting_interval_days,
       tgl_meetings_per_school_year = excluded.tgl_meetings_per_school_year,
       updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    { municipality, interval: norms.meeting_interval_days, tgl: norms.tgl_meetings_per_school_year, at: timestampOf(at), by },
    { municipality: VARCHAR, interval: INTEGER, tgl: INTEGER, at: TIMESTAMP, by: VARCHAR },
  );
}

/** False when the norms cannot be written here (a read-only snapshot: etl/db/tableWritable.ts). */
export function normsWritable(conn: DuckDBConnection): Promise<boolean> {
  return tableWritable(conn, 'norms');
}
