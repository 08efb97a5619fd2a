import { describe, expect, it } from 'vitest';
import { DuckDBDateValue, DuckDBListValue } from '@duckdb/node-api';
import { queryParameters } from '../../../etl/figures/queryParameters.ts';
import { query } from './figureFixture.ts';

describe('queryParameters', () => {
  it('queryParameters binds only the names the SQL uses', () => {
    const { values } = queryParameters(query(), 'SELECT $from, $to_x, $school');
    expect(Object.keys(values)).toEqual(['from', 'school']);
  });

  it('queryParameters binds dates as DATE values and an absent filter as NULL', () => {
    const { values } = queryParameters(query({ from: '2024-08-01' }), 'SELECT $from, $municipality');
    expect(values.from).toBeInstanceOf(DuckDBDateValue);
    expect(String(values.from)).toBe('2024-08-01');
    expect(values.municipality).toBeNull();
  });

  it('queryParameters binds allowedSchools as a list, null as every school', () => {
    expect(queryParameters(query({ allowedSchools: ['S1', 'S2'] }), '$allowed').values.allowed).toEqual(new DuckDBListValue(['S1', 'S2']));
    expect(queryParameters(query({ allowedSchools: [] }), '$allowed').values.allowed).toEqual(new DuckDBListValue([]));
    expect(queryParameters(query(), '$allowed').values.allowed).toBeNull();
  });
});
