/**
 * School years and terms. A school year runs 1 August – 31 July and is named by its first
 * calendar year (2025 = 2025/26); the autumn term is 1 August – 31 December, the spring term
 * 1 January – 31 July. Dates are ISO strings throughout, compared as text.
 */
export const terms = ['year', 'autumn', 'spring', 'custom'] as const;
export type Term = (typeof terms)[number];

export interface Period {
  readonly from: string;
  readonly to: string;
}

/** The school year a date falls in: August onwards belongs to that year's school year. */
export function schoolYearOf(iso: string): number {
  const year = Number(iso.slice(0, 4));
  return Number(iso.slice(5, 7)) >= 8 ? year : year - 1;
}

/** `2025` → `2025/26`. */
export function schoolYearLabel(year: number): string {
  return `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}

/** The dates of a school year, or of one of its terms. */
export function schoolYearPeriod(year: number, term: Exclude<Term, 'custom'>): Period {
  if (term === 'autumn') return { from: `${year}-08-01`, to: `${year}-12-31` };
  if (term === 'spring') return { from: `${year + 1}-01-01`, to: `${year + 1}-07-31` };
  return { from: `${year}-08-01`, to: `${year + 1}-07-31` };
}

/**
 * The school years the data touches, oldest first. Without data (an empty database) the
 * school year of today, so the filters always have something to offer.
 */
export function schoolYearsInSpan(span: { first_date: string | null; last_date: string | null }, today: string): number[] {
  if (!span.first_date || !span.last_date) return [schoolYearOf(today)];
  const years: number[] = [];
  for (let y = schoolYearOf(span.first_date); y <= schoolYearOf(span.last_date); y++) years.push(y);
  return years;
}

/**
 * The latest school year that has ended by today; when none has (data only from the
 * running year), the latest one.
 */
export function defaultSchoolYear(years: readonly number[], today: string): number {
  const complete = years.filter((y) => schoolYearPeriod(y, 'year').to < today);
  return complete.at(-1) ?? years.at(-1) ?? schoolYearOf(today);
}

/** The as-of date when none is chosen: the period's last day if it is past, else today. */
export function defaultAsOf(period: Period, today: string): string {
  return period.to < today ? period.to : today;
}
