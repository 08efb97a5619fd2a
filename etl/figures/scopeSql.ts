/**
 * The schools a figure query may read, and the groups its figures are reported for. Every
 * figure joins its facts to `scope` first, so a school outside the viewer's access (or the
 * asked school, municipality, level) is never read, and DuckDB narrows the big fact tables
 * to the scope's range of school_no before anything else happens.
 */
import { FACTS } from './facts/factTables.ts';
import type { Breakdown } from './figureQuery.ts';

/** How figures are grouped: one total for the scope, or one row per school or municipality. */
export type Grouping = 'all' | Breakdown;

/** The integer group key `g` each in-scope school reports under. */
const groupKey: Record<Grouping, string> = {
  all: '0',
  school: 's.school_no',
  municipality: 's.municipality_no',
};

/** CTE `scope(school_no, school_id, school_name, municipality, g)`: in-scope schools and their group. */
export function scopeCte(grouping: Grouping): string {
  return `scope AS MATERIALIZED (
  SELECT s.school_no, s.school_id, s.school_name, s.municipality, ${groupKey[grouping]} AS g
  FROM ${FACTS}.schools s
  WHERE ($allowed IS NULL OR list_contains($allowed, s.school_id))
    AND ($school IS NULL OR s.school_id = $school)
    AND ($municipality IS NULL OR s.municipality = $municipality)
    AND ($level IS NULL OR s.level = $level)
)`;
}

/**
 * CTE `groups(g, ...identity)`: one row per reported group. Built from the schools, not from
 * the facts, so a school or municipality with no data still gets its row (counts 0, rates
 * null); the scope total always has exactly one row, even when no school is in scope.
 */
export function groupsCte(grouping: Grouping): string {
  switch (grouping) {
    case 'all':
      return `groups AS (SELECT 0 AS g)`;
    case 'school':
      return `groups AS (SELECT g, school_id, school_name, municipality FROM scope)`;
    case 'municipality':
      return `groups AS (SELECT DISTINCT g, municipality FROM scope)`;
  }
}

/** The identity columns a grouped row carries, selected from `groups`. */
export function identityColumns(grouping: Grouping): readonly string[] {
  switch (grouping) {
    case 'all':
      return [];
    case 'school':
      return ['school_id', 'school_name', 'municipality'];
    case 'municipality':
      return ['municipality'];
  }
}
