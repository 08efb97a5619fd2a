/**
 * `deviations_by_agency` for the page: the server sends an object from agency code to count
 * (JSON text in Arrow rows), without the agencies no deviation named, and null when hidden.
 * The page lists every agency of the contract in its order (0 where none), so a reader sees
 * which agencies had no deviations, then any code it does not know, alphabetically.
 */

/** The contract's agencies, in its order (school first: most deviations involve it). */
export const agencyOrder = ['school', 'social_services', 'child_psychiatry', 'child_medicine', 'habilitation', 'ppt', 'health', 'other'] as const;

export interface AgencyCount {
  readonly agency: string;
  readonly count: number;
}

/** The object from a row's value; null when hidden, absent or not an object of counts. */
export function parseAgencyCounts(value: unknown): Readonly<Record<string, number>> | null {
  let parsed: unknown = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  const entries = Object.entries(parsed as Record<string, unknown>);
  if (!entries.every(([, v]) => typeof v === 'number' && Number.isFinite(v))) return null;
  return Object.fromEntries(entries) as Record<string, number>;
}

/** Every known agency in the contract's order (0 where none), then unknown codes alphabetically. */
export function agencyCounts(byAgency: Readonly<Record<string, number>>): AgencyCount[] {
  const known: readonly string[] = agencyOrder;
  const unknown = Object.keys(byAgency)
    .filter((code) => !known.includes(code))
    .sort();
  return [...known, ...unknown].map((agency) => ({ agency, count: byAgency[agency] ?? 0 }));
}
