/**
 * Breakdowns are listed by name in Norwegian alphabetical order (… Y Z Æ Ø Å), which
 * DuckDB's byte order gets wrong for Æ, Ø and Å; school_id breaks ties between namesakes.
 */
const collator = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });

export interface Named {
  readonly school_id?: string;
  readonly school_name?: string;
  readonly municipality?: string;
}

export function compareGroups(a: Named, b: Named): number {
  const name = (g: Named) => g.school_name ?? g.municipality ?? '';
  return (
    collator.compare(name(a), name(b)) ||
    collator.compare(a.municipality ?? '', b.municipality ?? '') ||
    (a.school_id ?? '').localeCompare(b.school_id ?? '')
  );
}
