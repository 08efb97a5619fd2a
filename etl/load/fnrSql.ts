/**
 * Norwegian national identity numbers (fødselsnummer) in any form a person types them: 11
 * digits whose two modulus-11 check digits are valid, alone or inside a longer field, written
 * together or with separators between any of the digits:
 *
 *   03040512399   030405 12399   030405-12399   030405–12399   0304 0512399   030 405 123 99
 *   030405 12 399   03.04.05 12399   03.04.2005 12399   (the birth date with its century)
 *
 * Between two consecutive digits there may be a run of one to three separators: space,
 * no-break space, narrow no-break space, `-`, `.`, `/`, the dashes U+2010–U+2015 (Excel's
 * autocorrect writes an en dash) or the minus sign U+2212. The 13-digit date form
 * (`dd.mm.yyyy` followed by the five personal digits) drops the century. A number is only
 * taken whole: a digit right before or after it (as in a longer account or order number)
 * means it is not one. Of the date part only the day is checked, and only as far as every
 * kind of number allows: 01–31, or 41–71 for a D-number (day + 40). Months are not checked:
 * H-numbers (month + 40) and synthetic test numbers (month + 80) count as well. The day check
 * keeps ids built from ISO dates (`M-000-2024-09-04`, 11 digits starting `00`) from being
 * taken for numbers; no real number starts with day 00 or 32–40.
 *
 * The price of taking every grouping: about one arbitrary run of 11 digits in a hundred has
 * valid check digits, so an account number (`1234.56.78903`) or a reference number may be
 * taken for one. Where windows overlap (`1 03040512399`: the 11 digits after the `1`), every
 * window is checked, so such a field is rejected too. Any field holding one rejects its row,
 * naming the column: over-detecting loses a row visibly, never silently.
 */
const weights1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const weights2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/**
 * Separator characters as a regular expression class body (RE2 and JavaScript spelling);
 * `-` last so it is not read as a range.
 */
const separatorClass = ' ./\\x{00A0}\\x{202F}\\x{2010}-\\x{2015}\\x{2212}-';
const separatorClassJs = ' ./\\u00A0\\u202F\\u2010-\\u2015\\u2212-';

/** The patterns, built for either regular expression dialect from its separator class. */
function patterns(separatorBody: string) {
  const sep = `[${separatorBody}]`;
  return {
    /** 11 digits, up to three separators between any two. */
    eleven: `[0-9](?:${sep}{0,3}[0-9]){10}`,
    /** dd.mm.yyyy and the five personal digits. */
    longDate: `[0-9]{2}${sep}{1,3}[0-9]{2}${sep}{1,3}[0-9]{4}(?:${sep}{0,3}[0-9]){5}`,
    /** A maximal run of digits with separator runs of one to three between them, 11 digits or more. */
    chain: `[0-9](?:${sep}{0,3}[0-9]){10,}`,
    /** One group of digits and the separators after it. */
    piece: `[0-9]+${sep}*`,
  };
}

function checkDigit(digits: readonly number[], weights: readonly number[]): number {
  const sum = weights.reduce((acc, w, i) => acc + w * digits[i]!, 0);
  const k = 11 - (sum % 11);
  return k === 11 ? 0 : k;
}

/** A day part an ordinary number (01–31) or a D-number (41–71) can have. */
function isPossibleDay(day: number): boolean {
  return (day >= 1 && day <= 31) || (day >= 41 && day <= 71);
}

/** 11 digits with a possible day part and both check digits valid. */
function hasValidCheckDigits(s: string): boolean {
  if (!/^[0-9]{11}$/.test(s)) return false;
  const d = [...s].map(Number);
  return isPossibleDay(d[0]! * 10 + d[1]!) && checkDigit(d, weights1) === d[9] && checkDigit(d, weights2) === d[10];
}

/** The 11 digits of a written number: a four-digit year (13 digits) loses its century. */
function elevenDigits(written: string): string {
  const d = written.replace(/[^0-9]/g, '');
  return d.length === 13 ? d.slice(0, 4) + d.slice(6) : d;
}

const js = patterns(separatorClassJs);
/** Zero-width matches with the number in a lookahead: overlapping windows are all seen. */
const bounded = (pattern: string) => new RegExp(`(?<![0-9])(?=(${pattern})(?![0-9]))`, 'gu');
const candidatesJs = [bounded(js.eleven), bounded(js.longDate)];

/** JavaScript twin of `rt_has_fnr`, used by tests and header checks. */
export function containsNationalIdentityNumber(value: string): boolean {
  for (const candidates of candidatesJs) {
    for (const match of value.matchAll(candidates)) if (hasValidCheckDigits(elevenDigits(match[1]!))) return true;
  }
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
  const day = `(${n} // 1000000000)`;
  return `(${day} BETWEEN 1 AND 31 OR ${day} BETWEEN 41 AND 71) AND (${sum(weights1)}) % 11 = 0 AND (${sum(weights2)}) % 11 = 0`;
}

const sql = patterns(separatorClass);

/**
 * The cheap test every field pays: is there a run of 11 digits (separators between them
 * allowed) with no digit right before or after it? RE2 has no look-around, so the boundaries
 * are matched as characters; for a yes/no answer that is exact. The long date form needs no
 * pattern of its own: its last 11 digits (month, year, personal digits) are such a run.
 * Only the fields that pass pay for extracting and checking the candidates.
 */
const prefilter = `(?:^|[^0-9])${sql.eleven}(?:[^0-9]|$)`;

/**
 * A pattern anchored at the start of a window, ending where no digit follows. Matches cannot
 * overlap in RE2 (`regexp_extract_all`), so the candidates are found another way: each chain
 * of digits and separators is cut into pieces (a digit group and the separators after it),
 * and both patterns are tried from the start of every piece, on the text of that piece and
 * the next twelve (a number spans at most 13 digit groups).
 */
const anchored = (pattern: string) => `^(${pattern})(?:[^0-9]|$)`;

/**
 * Temporary macros: `rt_has_fnr(text)` is true when the field holds a valid national identity
 * number. A field of exactly 11 digits (the usual form) is checked directly. Each step is its
 * own list_transform over a lambda parameter: a macro repeats its argument's text wherever it
 * is used, so nesting them directly would compute the extraction many times per field.
 */
export const fnrMacros: readonly string[] = [
  `CREATE OR REPLACE TEMP MACRO rt_fnr_check(n) AS ${checkSql('n')}`,
  `CREATE OR REPLACE TEMP MACRO rt_fnr_eleven(d) AS CASE WHEN length(d) = 13 THEN substr(d, 1, 4) || substr(d, 7) ELSE d END`,
  `CREATE OR REPLACE TEMP MACRO rt_fnr_windows(s) AS flatten(list_transform(
     list_transform(regexp_extract_all(s, '${sql.chain}'), c -> regexp_extract_all(c, '${sql.piece}')),
     p -> list_transform(range(1, len(p) + 1), k -> array_to_string(p[k:k + 12], ''))))`,
  `CREATE OR REPLACE TEMP MACRO rt_fnr_candidates(s) AS list_filter(flatten(list_transform(rt_fnr_windows(s),
     w -> [regexp_extract(w, '${anchored(sql.eleven)}', 1), regexp_extract(w, '${anchored(sql.longDate)}', 1)])), x -> x <> '')`,
  `CREATE OR REPLACE TEMP MACRO rt_fnr_numbers(s) AS
     list_transform(list_transform(rt_fnr_candidates(s), c -> regexp_replace(c, '[^0-9]', '', 'g')), d -> rt_fnr_eleven(d)::BIGINT)`,
  `CREATE OR REPLACE TEMP MACRO rt_has_fnr(s) AS coalesce(
     CASE WHEN length(s) = 11 AND regexp_full_match(s, '[0-9]{11}') THEN rt_fnr_check(s::BIGINT)
       WHEN length(s) >= 11 AND regexp_matches(s, '${prefilter}')
       THEN len(list_filter(rt_fnr_numbers(s), n -> rt_fnr_check(n))) > 0
     END, false)`,
];
