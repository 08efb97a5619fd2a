/**
 * Dates for display. The API speaks ISO (`2026-07-31`); people read `31.07.2026` in both
 * languages, and months as `aug. 2025` / `Aug 2025`. Pure string work: no time zones.
 */
import type { Lang } from '../i18n/lang.ts';

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2026-07-31` → `31.07.2026`; anything else is returned as given. */
export function formatDate(iso: string): string {
  const m = isoDate.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
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
