/**
 * The municipalities' norms for the year wheel (contract section 4b): how often the team
 * meets and how many meetings a school year TGL takes part in. A municipality without a row
 * has the guides' defaults (etl/followup/norms.ts); a row is written only when someone
 * changes them, with who and when (the audit log has the full trail). `IF NOT EXISTS`, so a
 * database file from before the table existed is upgraded on open.
 */
export const normsDdl: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS norms (
     municipality VARCHAR PRIMARY KEY,
     meeting_interval_days INTEGER NOT NULL,
     tgl_meetings_per_school_year INTEGER NOT NULL,
     updated_at TIMESTAMP NOT NULL,
     updated_by VARCHAR
   )`,
];
