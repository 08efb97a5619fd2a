/**
 * The scales the generator knows: the committed sample (three Norwegian municipalities, twenty
 * schools, and a Swedish municipality of five schools, two school years), the national benchmark (2,700 schools in 350 municipalities, ten school
 * years) and any national-shaped custom size, e.g. `{ schools: 30, years: 2 }` for tests.
 * Every scale ends with the school year 2025/26 (31 July 2026).
 */
import { nationalSchools } from './nationalSchools.ts';
import { sampleSchools } from './sampleSchools.ts';
import { swedishSchools } from './swedishSample.ts';
import type { School } from './school.ts';

export type ScaleName = 'sample' | 'national';

export interface CustomScale {
  readonly schools: number;
  readonly years: number;
  /** Defaults to one municipality per ~7.7 schools, as nationally. */
  readonly municipalities?: number;
}

export type Scale = ScaleName | CustomScale;

export interface ResolvedScale {
  readonly label: string;
  readonly firstStartYear: number;
  readonly years: number;
  readonly schools: readonly School[];
  /** Schools exported the Swedish way into `sv-*.csv` (the sample's Swedish municipality). */
  readonly swedishSchools: readonly School[];
}

export const lastStartYear = 2025;

export function resolveScale(scale: Scale, seed: number): ResolvedScale {
  if (scale === 'sample') {
    return { label: 'sample', firstStartYear: lastStartYear - 1, years: 2, schools: sampleSchools(seed), swedishSchools: swedishSchools(seed) };
  }
  const custom = scale === 'national' ? { schools: 2700, years: 10, municipalities: 350 } : scale;
  const { schools, years } = custom;
  if (!Number.isInteger(schools) || schools < 1 || !Number.isInteger(years) || years < 1 || years > 50) {
    throw new Error(`scale: schools and years must be positive whole numbers (got ${schools}, ${years})`);
  }
  const municipalities = custom.municipalities ?? Math.max(1, Math.round(schools / 7.7));
  return {
    label: scale === 'national' ? 'national' : `custom (${schools} schools, ${years} years)`,
    firstStartYear: lastStartYear - years + 1,
    years,
    schools: nationalSchools(seed, schools, municipalities),
    swedishSchools: [],
  };
}
