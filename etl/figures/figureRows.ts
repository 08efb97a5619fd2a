/**
 * The shapes figure rows are returned in, and the conversion from a query row: every key
 * of section 4 as a number or null, the bases in a separate `n` object (so the contract's
 * JSON stays "every key plus identity"), and the group's identity fields.
 */
import { figureBaseKeys, figureKeys, figureObjectKeys, type FigureBases, type FigureObjects, type KeyFigures } from './figureKeys.ts';
import { baseColumn } from './keyFiguresSql.ts';
import { numberOrNull, text, type PlainRow, type PlainValue } from './runFigureSql.ts';

/** Key figures plus the counts they rest on (`n.meetings_held`, `n.individual_cases`, ...). */
export type FigureRow = KeyFigures & FigureObjects & { readonly n: FigureBases };

export interface SchoolIdentity {
  readonly school_id: string;
  readonly school_name: string;
  readonly municipality: string;
}
export interface MunicipalityIdentity {
  readonly municipality: string;
}
export type SchoolFigures = SchoolIdentity & FigureRow;
export type MunicipalityFigures = MunicipalityIdentity & FigureRow;

export function figureRowOf(row: PlainRow): FigureRow {
  const figures = {} as Record<string, number | null>;
  for (const key of figureKeys) figures[key] = numberOrNull(row, key);
  const objects = {} as Record<string, Record<string, number>>;
  for (const key of figureObjectKeys) objects[key] = countsOf(row[key]);
  const n = {} as Record<string, number>;
  for (const key of figureBaseKeys) n[key] = numberOrNull(row, baseColumn(key)) ?? 0;
  return { ...(figures as KeyFigures), ...(objects as FigureObjects), n: n as FigureBases };
}

/** An object figure's JSON text as code → count, in code order; none (NULL) is `{}`. */
function countsOf(json: PlainValue | undefined): Record<string, number> {
  if (typeof json !== 'string') return {};
  const counts = JSON.parse(json) as Record<string, number>;
  return Object.fromEntries(Object.keys(counts).sort().map((code) => [code, counts[code]!]));
}

export function schoolIdentityOf(row: PlainRow): SchoolIdentity {
  return { school_id: text(row, 'school_id'), school_name: text(row, 'school_name'), municipality: text(row, 'municipality') };
}

export function municipalityIdentityOf(row: PlainRow): MunicipalityIdentity {
  return { municipality: text(row, 'municipality') };
}

/**
 * The row as the contract's `figures --json` prints it: identity fields and every key of
 * section 4, without the bases.
 */
export function contractFigures<R extends FigureRow>(row: R): Omit<R, 'n'> {
  const { n: _n, ...rest } = row;
  return rest;
}
