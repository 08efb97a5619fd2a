/**
 * Generates every contract file for a scale into a folder: schools and competence efforts
 * first, then school by school the rest, streamed to disk. The same seed gives
 * byte-identical files.
 */
import { mkdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { KindName } from '../../etl/contract/index.ts';
import { dataWindow, schoolYear, type SchoolYear } from './calendar.ts';
import { efforts, type Effort } from './efforts.ts';
import { resolveScale, type Scale } from './scale.ts';
import { schoolRow, type Municipality, type School } from './school.ts';
import { writeSchool, type SchoolRun } from './schoolData.ts';
import { openSwedishWriters } from './swedishSample.ts';
import { closeWriters, openWriters, type Writers } from './writers.ts';

export const defaultSeed = 20240801;

export interface GenerateOptions {
  readonly scale: Scale;
  /** Folder for the eight `<kind>.csv` files; created if missing, files overwritten. */
  readonly out: string;
  readonly seed?: number;
}

export interface GenerateResult {
  readonly scale: string;
  readonly seed: number;
  readonly schools: number;
  readonly files: readonly { kind: KindName; path: string; rows: number }[];
  readonly milliseconds: number;
}

/**
 * Writes the eight files of `scale` into `out`. The work is synchronous (buffered
 * `writeSync`); the promise lets callers await it like any other I/O step.
 */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const seed = options.seed ?? defaultSeed;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new Error(`seed must be a whole number from 0 to 4294967295 (got ${seed})`);
  }
  const scale = resolveScale(options.scale, seed);
  const years = Array.from({ length: scale.years }, (_, i) => scale.firstStartYear + i);
  const calendars = new Map<Municipality, SchoolYear[]>();
  const allEfforts = efforts(scale.firstStartYear, scale.years);
  const dataEnd = dataWindow(scale.firstStartYear, scale.years).to;

  mkdirSync(options.out, { recursive: true });
  const writeAll = (schools: readonly School[], out: Writers, efforts: readonly Effort[]) => {
    try {
      for (const school of schools) out.schools.write(schoolRow(school));
      for (const effort of efforts) out.competence_efforts.write(effort.row);
      for (const school of schools) {
        const m = school.municipality;
        let schoolYears = calendars.get(m);
        if (!schoolYears) {
          schoolYears = years.map((y) => schoolYear(y, m.calendar));
          calendars.set(m, schoolYears);
        }
        const run: SchoolRun = { seed, years: schoolYears, dataEnd, efforts };
        writeSchool(run, school, out);
      }
    } catch (error) {
      closeWriters(out);
      throw error;
    }
    return closeWriters(out);
  };
  const files = writeAll(scale.schools, openWriters(options.out), allEfforts);
  // The Swedish municipality takes part in no competence programme.
  if (scale.swedishSchools.length > 0) files.push(...writeAll(scale.swedishSchools, openSwedishWriters(options.out), []));
  return { scale: scale.label, seed, schools: scale.schools.length, files, milliseconds: performance.now() - started };
}
