/**
 * Assembles the one query that computes every key figure (and its bases) for each group
 * and period: scope → shared facts → each family's CTEs → one row per group × period,
 * left-joined to every family, so groups without data still get a row. A query with one
 * group and one period writes each family's table as one row instead (familyCtes.ts).
 */
import { figureBaseKeys, figureKeys, figureObjectKeys, type FigureBaseKey, type FigureKey, type FigureObjectKey } from './figureKeys.ts';
import { familyCtes, familyJoin, type TableShape } from './definitions/familyCtes.ts';
import { figureFamilies } from './definitions/figureFamilies.ts';
import type { FigureFamily } from './definitions/figureFamily.ts';
import { sharedFactCtes } from './definitions/sharedFacts.ts';
import { periodsCte, type Periodisation } from './periodsSql.ts';
import { groupsCte, identityColumns, scopeCte, type Grouping } from './scopeSql.ts';

/** Output column of base `key` (kept apart from the figure of the same name). */
export const baseColumn = (key: FigureBaseKey): string => `n_${key}`;

/** Each key's SQL, from the one family that owns it; a key owned twice or never is a bug. */
function ownedExpressions<K extends string>(
  keys: readonly K[],
  pick: (family: FigureFamily) => Partial<Record<K, string>>,
): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const family of figureFamilies) {
    for (const [key, sql] of Object.entries(pick(family)) as Array<[K, string]>) {
      if (key in out) throw new Error(`figure ${key} is defined twice`);
      out[key] = sql;
    }
  }
  for (const key of keys) if (!(key in out)) throw new Error(`figure ${key} has no definition`);
  return out;
}

const figureSql: Record<FigureKey, string> = ownedExpressions(figureKeys, (f) => f.figures);
const baseSql: Record<FigureBaseKey, string> = ownedExpressions(figureBaseKeys, (f) => f.bases);
const objectSql: Record<FigureObjectKey, string> = ownedExpressions(figureObjectKeys, (f) => f.objects ?? {});

/** The common head of every figure query: scope, groups, periods and the shared facts. */
export function figureCtes(grouping: Grouping, periodisation: Periodisation): string[] {
  return [scopeCte(grouping), groupsCte(grouping), periodsCte(periodisation), ...sharedFactCtes];
}

/**
 * A figure or base column as its SQL gives it (BIGINT, HUGEINT or DOUBLE): runFigureSql turns
 * every number into a JS number, and a cast per column cost about 3 ms of planning for the
 * ~60 columns (measured at national scale for issue 9).
 */
const numberColumn = (sql: string, name: string): string => `(${sql}) AS ${name}`;

/** One group and one period: every family's table is one row (see familyCtes.ts). */
function tableShape(grouping: Grouping, periodisation: Periodisation): TableShape {
  return grouping === 'all' && periodisation === 'whole' ? 'single' : 'grouped';
}

export function keyFiguresSql(grouping: Grouping, periodisation: Periodisation): string {
  const shape = tableShape(grouping, periodisation);
  const ctes = [...figureCtes(grouping, periodisation), ...figureFamilies.flatMap((f) => familyCtes(f, shape))];
  const columns = [
    ...identityColumns(grouping).map((c) => `groups.${c}`),
    'periods.period_label AS period',
    ...figureKeys.map((k) => numberColumn(figureSql[k], k)),
    ...figureObjectKeys.map((k) => `(${objectSql[k]})::VARCHAR AS ${k}`),
    ...figureBaseKeys.map((k) => numberColumn(baseSql[k], baseColumn(k))),
  ];
  const joins = figureFamilies.map((f) => familyJoin(f, shape));
  return `WITH ${ctes.join(',\n')}
SELECT ${columns.join(',\n       ')}
FROM groups CROSS JOIN periods
${joins.join('\n')}
ORDER BY periods.period`;
}

/** A family's CTEs, its table included (the shape does not change what they read). */
const allCtes = (family: FigureFamily): string[] => familyCtes(family, 'grouped');

/** The names a family's CTEs define (`name AS (` or `name AS [NOT] MATERIALIZED (`). */
function cteNames(family: FigureFamily): string[] {
  return allCtes(family).map((cte) => /^\s*(\w+)\s+AS\b/.exec(cte)?.[1] ?? '').filter((n) => n !== '');
}

const mentions = (sql: string, name: string): boolean => new RegExp(`\\b${name}\\b`).test(sql);

/**
 * The families `keys` need: each key's owner, and every family whose CTEs those read
 * (the union base reads the others'), in the order of figureFamilies (dependency order).
 */
function familiesFor(keys: readonly FigureKey[]): FigureFamily[] {
  const needed = new Set<FigureFamily>();
  const texts = keys.map((k) => figureSql[k]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const family of figureFamilies) {
      if (needed.has(family)) continue;
      const names = cteNames(family);
      if (texts.some((sql) => names.some((n) => mentions(sql, n)))) {
        needed.add(family);
        texts.push(...allCtes(family));
        grew = true;
      }
    }
  }
  return figureFamilies.filter((f) => needed.has(f));
}

/**
 * Only the given figures (no bases, no objects), from only the families they need: the same
 * SQL per figure as keyFiguresSql and the same joins, so each value is the one
 * keyFiguresSql gives, at a fraction of the planning and reading (the follow-up page needs
 * 12 of the keys, not Kaplan–Meier or durations).
 */
export function someFiguresSql(keys: readonly FigureKey[], grouping: Grouping, periodisation: Periodisation): string {
  const families = familiesFor(keys);
  const shape = tableShape(grouping, periodisation);
  const ctes = [...figureCtes(grouping, periodisation), ...families.flatMap((f) => familyCtes(f, shape))];
  const columns = [
    ...identityColumns(grouping).map((c) => `groups.${c}`),
    'periods.period_label AS period',
    ...keys.map((k) => numberColumn(figureSql[k], k)),
  ];
  const joins = families.map((f) => familyJoin(f, shape));
  return `WITH ${ctes.join(',\n')}
SELECT ${columns.join(',\n       ')}
FROM groups CROSS JOIN periods
${joins.join('\n')}
ORDER BY periods.period`;
}
