/**
 * The shapes figure rows are returned in, and the conversion from a query row: every key
 * of section 4 as a number or null, the bases in a separate `n` object (so the contract's
 * JSON stays "every key plus identity"), and the group's identity fields.
 */
import { figureBaseKeys, figureKeys, type FigureBases, type KeyFigures } from './figureKeys.ts';
import { baseColumn } from './keyFiguresSql.ts';
import { numberOrNull, text, type PlainRow } from './runFigureSql.ts';

/** Key figures plus the counts they rest on (`n.meetings_held`, `n.individual_cases`, ...). */
export type FigureRow = KeyFigures & { readonly n: FigureBases };

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
  const n = {} as Record<string, number>;
  for (const key of figureBaseKeys) n[key] = numberOrNull(row, baseColumn(key)) ?? 0;
  return { ...(figures as KeyFigures), n: n as FigureBases };
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
