/**
 * Norwegian national identity numbers (fødselsnummer) in any form a person types them: 11
 * digits whose two modulus-11 check digits are valid, alone or inside a longer field, written
 * together or grouped as people write them:
 *
 *   03040512399   030405 12399   030405-12399   030405.12399   030405 123 99
 *   03.04.05 12399   03.04.05-123 99   03.04.2005 12399   (the birth date with its century)
 *
 * A separator is one to three of space, no-break space, `-`, `.` or `/`. A number is only
 * taken whole: a digit right before or after it (as in a longer account or order number)
 * means it is not one. Only these groupings count, so an account number written 4.2.5
 * (`1234.56.78903`) is not read as one. The date part is not checked: D-numbers (day + 40),
 * H-numbers (month + 40) and synthetic test numbers (month + 80) count as well, at the cost
 * of about one arbitrary 11-digit run in a hundred being taken for a number. Any field
 * holding one rejects its row.
 */
const weights1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const weights2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/** The digit groups, in the order written; a separator must stand between two groups. */
export const fnrGroupings: readonly (readonly number[])[] = [
  [11],
  [6, 5],
  [6, 3, 2],
  [2, 2, 2, 5],
  [2, 2, 2, 3, 2],
  [2, 2, 4, 5],
  [2, 2, 4, 3, 2],
];

/** Separator characters as a regular expression class body (valid in RE2 and JavaScript). */
const separatorClass = ' ./\\x{00A0}\\x{202F}-';
const separatorClassJs = ' ./\\u00A0\\u202F-';

function groupingsPattern(separator: string): string {
  return fnrGroupings.map((groups) => groups.map((n) => `[0-9]{${n}}`).join(separator)).join('|');
}

function checkDigit(digits: readonly number[], weights: readonly number[]): number {
  const sum = weights.reduce((acc, w, i) => acc + w * digits[i]!, 0);
  const k = 11 - (sum % 11);
  return k === 11 ? 0 : k;
}

/** 11 digits with both check digits valid. */
function hasValidCheckDigits(s: string): boolean {
  if (!/^[0-9]{11}$/.test(s)) return false;
  const d = [...s].map(Number);
  return checkDigit(d, weights1) === d[9] && checkDigit(d, weights2) === d[10];
}

/** The 11 digits of a written number: a four-digit year (13 digits) loses its century. */
function elevenDigits(written: string): string {
  const d = written.replace(/[^0-9]/g, '');
  return d.length === 13 ? d.slice(0, 4) + d.slice(6) : d;
}

const candidatesJs = new RegExp(`(?<![0-9])(?:${groupingsPattern(`[${separatorClassJs}]{1,3}`)})(?![0-9])`, 'g');

/** JavaScript twin of `rt_has_fnr`, used by tests, the sample generator and header checks. */
export function containsNationalIdentityNumber(value: string): boolean {
  for (const match of value.matchAll(candidatesJs)) if (hasValidCheckDigits(elevenDigits(match[0]))) return true;
  return false;
}

/** Digit i (0-based) of an 11-digit number held as a BIGINT. */
function digitOf(n: string, i: number): string {
  return `((${n} // ${10n ** BigInt(10 - i)}) % 10)`;
}

/**
 * Both check digits at once: a number is valid when each weighted sum, its check digit
 * included with weight 1, is divisible by 11 (the same as computing each check digit and
 * comparing; a check digit of 10 can never match). Integer arithmetic on a BIGINT is faster
 * than cutting the text into characters.
 */
function checkSql(n: string): string {
  const sum = (weights: readonly number[]) => [...weights, 1].map((w, i) => `${w} * ${digitOf(n, i)}`).join(' + ');
  return `(${sum(weights1)}) % 11 = 0 AND (${sum(weights2)}) % 11 = 0`;
}

/**
 * A cheap test every field pays: true for any field that could hold a number (a superset of
 * the groupings, with no boundary test). Only those pay for extracting and checking candidates.
 */
const prefilter = `[0-9]{2}(?:[${separatorClass}]{1,3})?[0-9]{2}(?:[${separatorClass}]{1,3})?[0-9]{2}(?:[0-9]{2})?(?:[${separatorClass}]{1,3})?[0-9]{3}(?:[${separatorClass}]{1,3})?[0-9]{2}`;

/**
 * RE2 has no look-around, so the digit boundaries are matched as characters. Every non-digit
 * is doubled first, so two numbers one space apart each still have a boundary of their own
 * (a separator of 1–3 characters becomes 2–6).
 */
const candidates = `[^0-9](${groupingsPattern(`[${separatorClass}]{2,6}`)})[^0-9]`;

/**
 * Temporary macros: `rt_has_fnr(text)` is true when the field holds a valid national identity
 * number. A field of exactly 11 digits (the usual form) is checked directly. Each step of the candidate list is its own list_transform over a lambda parameter:
 * a macro repeats its argument's text wherever it is used, so nesting them directly would
 * compute the extraction dozens of times per field.
 */
export const fnrMacros: readonly string[] = [
  `CREATE OR REPLACE TEMP MACRO rt_fnr_check(n) AS ${checkSql('n')}`,
  `CREATE OR REPLACE TEMP MACRO rt_fnr_eleven(d) AS CASE WHEN length(d) = 13 THEN substr(d, 1, 4) || substr(d, 7) ELSE d END`,
  `CREATE OR REPLACE TEMP MACRO rt_fnr_candidates(s) AS
     regexp_extract_all(regexp_replace(' ' || s || ' ', '([^0-9])', '\\1\\1', 'g'), '${candidates}', 1)`,
  `CREATE OR REPLACE TEMP MACRO rt_fnr_numbers(s) AS
     list_transform(list_transform(rt_fnr_candidates(s), c -> regexp_replace(c, '[^0-9]', '', 'g')), d -> rt_fnr_eleven(d)::BIGINT)`,
  `CREATE OR REPLACE TEMP MACRO rt_has_fnr(s) AS coalesce(
     CASE WHEN length(s) = 11 AND regexp_full_match(s, '[0-9]{11}') THEN rt_fnr_check(s::BIGINT)
       WHEN length(s) >= 11 AND regexp_matches(s, '${prefilter}')
       THEN len(list_filter(rt_fnr_numbers(s), n -> rt_fnr_check(n))) > 0
     END, false)`,
];
