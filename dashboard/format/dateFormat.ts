/**
 * Dates for display. The API speaks ISO (`2026-07-31`); people read `31.07.2026` in bokmål and
 * English (Swedes `2026-07-31`), and months as `aug. 2025` / `Aug 2025`. Pure string work: no time zones.
 */
import type { Lang } from '../i18n/lang.ts';

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * `2026-07-31` → `31.07.2026`; in Swedish as Swedes write it, `2026-07-31` (pass the
 * language); anything else is returned as given.
 */
export function formatDate(iso: string, lang?: Lang): string {
  const m = isoDate.exec(iso);
  if (!m) return iso;
  return lang === 'sv' ? iso : `${m[3]}.${m[2]}.${m[1]}`;
}

const written = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/**
 * A date as people type it (`31.07.2026`, `1.8.2025`, or ISO `2026-07-31`) → ISO, or null
 * when it is not a date of the calendar (31.02.2026).
 */
export function parseDate(text: string): string | null {
  const trimmed = text.trim();
  const m = written.exec(trimmed);
  const iso = m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : trimmed;
  if (!isoDate.test(iso)) return null;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

const monthNames: Record<Lang, readonly string[]> = {
  nb: ['jan.', 'feb.', 'mars', 'apr.', 'mai', 'juni', 'juli', 'aug.', 'sep.', 'okt.', 'nov.', 'des.'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  sv: ['jan.', 'feb.', 'mars', 'apr.', 'maj', 'juni', 'juli', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'],
};

/** `2025-08` → `aug. 2025` (nb) or `Aug 2025` (en). */
export function formatMonth(month: string, lang: Lang): string {
  const [year, mm] = month.split('-');
  const name = monthNames[lang][Number(mm) - 1];
  return name && year ? `${name} ${year}` : month;
}

/** A month as a short axis tick: `aug.` or, in January and the first tick, with the year. */
export function formatMonthTick(date: Date, lang: Lang, withYear: boolean): string {
  const name = monthNames[lang][date.getUTCMonth()] ?? '';
  return withYear ? `${name} ${date.getUTCFullYear()}` : name;
}

/** `2025-08` → the first of that month at UTC midnight, for time scales. */
export function monthToDate(month: string): Date {
  return new Date(`${month}-01T00:00:00Z`);
}

/**
 * Why typed text is not a date, for a message that says what to fix: `format` (not
 * `dd.mm.åååå` or ISO at all) or `no_such_day` (the form is right but the day does not exist,
 * `31.02.2025`: February 2025 has 28 days). Null when the text is a date (or empty).
 */
export type DateProblem =
  | { readonly kind: 'format' }
  | { readonly kind: 'no_such_day'; readonly year: number; readonly month: number; readonly daysInMonth: number };

export function dateProblem(text: string): DateProblem | null {
  const trimmed = text.trim();
  if (trimmed === '' || parseDate(trimmed) !== null) return null;
  const m = written.exec(trimmed);
  const iso = m ? null : isoDate.exec(trimmed);
  const [day, month, year] = m ? [m[1], m[2], m[3]] : iso ? [iso[3], iso[2], iso[1]] : [];
  if (day === undefined || month === undefined || year === undefined) return { kind: 'format' };
  const mm = Number(month);
  if (mm < 1 || mm > 12 || Number(day) < 1) return { kind: 'format' };
  // Day 0 of the next month is the last day of this one.
  const daysInMonth = new Date(Date.UTC(Number(year), mm, 0)).getUTCDate();
  return { kind: 'no_such_day', year: Number(year), month: mm, daysInMonth };
}
