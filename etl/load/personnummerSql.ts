/**
 * Swedish personal identity numbers (personnummer, and samordningsnummer: day + 60) in the
 * forms Swedish systems and people write them, alone or inside a longer field:
 *
 *   811228-9874   811228+9874 (100 years or older)   8112289874   19811228-9874   198112289874
 *
 * The contract names only the Norwegian fødselsnummer (fnrSql.ts); Swedish exports came with
 * v2, and a Swedish municipal user expects a personnummer typed into an id or a title to be
 * refused the same way (no national ids are stored). A number is YYMMDD, at most one
 * separator (`-`, `+`, space, the dashes U+2010–U+2015 or the minus sign U+2212, as Excel's
 * autocorrect writes them), and four digits, the last a Luhn check digit over the ten; the
 * twelve-digit form puts the century (18, 19 or 20) in front. The month must be 01–12 and
 * the day 01–31 or 61–91, which keeps dates written as digits and ISO-date ids out. A number
 * is only taken whole: a digit right before or after it means it is part of something
 * longer. About one ten-digit run in a hundred with a date-like start passes (a phone number
 * among them, which does not belong in the data either): over-detecting loses a row visibly.
 */

const separatorClassSql = ' +\\x{2010}-\\x{2015}\\x{2212}-';
const separatorClassJs = ' +\\u2010-\\u2015\\u2212-';

/**
 * A candidate and at most one more digit: the leading boundary is matched as a character
 * (RE2 has no look-behind), the trailing one by refusing a candidate with an extra digit,
 * so the character after a number is still free to start the next match.
 */
const candidate = (sep: string) => `(?:^|[^0-9])((?:18|19|20)?[0-9]{6}[${sep}]?[0-9]{4}[0-9]?)`;

/** True for the ten digits YYMMDDNNNC of a possible number with a valid Luhn check digit. */
function validTen(ten: string): boolean {
  if (!/^[0-9]{10}$/.test(ten)) return false;
  const month = Number(ten.slice(2, 4));
  const day = Number(ten.slice(4, 6));
  if (month < 1 || month > 12 || !((day >= 1 && day <= 31) || (day >= 61 && day <= 91))) return false;
  const sum = [...ten].reduce((acc, c, i) => {
    const p = Number(c) * (i % 2 === 0 ? 2 : 1);
    return acc + (p > 9 ? p - 9 : p);
  }, 0);
  return sum % 10 === 0;
}

/** The ten digits of a candidate, or null when it has an extra digit (part of a longer number). */
function tenDigits(written: string): string | null {
  const d = written.replace(/[^0-9]/g, '');
  if (d.length === 10) return d;
  if (d.length === 12 && /^(18|19|20)/.test(d)) return d.slice(2);
  return null;
}

const candidatesJs = new RegExp(candidate(separatorClassJs), 'gu');

/** JavaScript twin of `rt_has_personnummer`, for header checks and tests. */
export function containsPersonnummer(value: string): boolean {
  for (const match of value.matchAll(candidatesJs)) {
    const ten = tenDigits(match[1]!);
    if (ten !== null && validTen(ten)) return true;
  }
  return false;
}

/** Digit i (0-based) of ten digits held as a BIGINT. */
const digitOf = (n: string, i: number) => `((${n} // ${10n ** BigInt(9 - i)}) % 10)`;

/** Luhn over ten digits as a BIGINT: every other digit from the first doubled, 10–18 counted as 1–9. */
function luhnSql(n: string): string {
  const terms = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? `((2 * ${digitOf(n, i)}) // 10 + (2 * ${digitOf(n, i)}) % 10)` : digitOf(n, i)));
  return `(${terms.join(' + ')}) % 10 = 0`;
}

/**
 * The cheap test every field pays: ten digits, at most one separator after the sixth. Every
 * candidate contains such a run, so a field without one holds no number (exact, not a guess).
 * Six digits in a row alone let every row with a 9-digit school id (all of them) pay for the
 * extraction: 0.9 CPU seconds of the national cases file.
 */
const prefilter = (sep: string) => `[0-9]{6}[${sep}]?[0-9]{4}`;

/**
 * Temporary macros: `rt_has_personnummer(text)` is true when the field holds a valid Swedish
 * personal identity number. Fields shorter than ten characters, or without a run of ten
 * digits, pay one length test and at most one regex.
 */
export const personnummerMacros: readonly string[] = [
  `CREATE OR REPLACE TEMP MACRO rt_pnr_valid(n) AS
     ((n // 1000000) % 100) BETWEEN 1 AND 12
     AND (((n // 10000) % 100) BETWEEN 1 AND 31 OR ((n // 10000) % 100) BETWEEN 61 AND 91)
     AND ${luhnSql('n')}`,
  `CREATE OR REPLACE TEMP MACRO rt_pnr_ten(d) AS CASE
     WHEN length(d) = 10 THEN d
     WHEN length(d) = 12 AND substr(d, 1, 2) IN ('18', '19', '20') THEN substr(d, 3)
   END`,
  `CREATE OR REPLACE TEMP MACRO rt_has_personnummer(s) AS coalesce(
     CASE WHEN length(s) >= 10 AND regexp_matches(s, '${prefilter(separatorClassSql)}')
       THEN len(list_filter(
         list_transform(regexp_extract_all(s, '${candidate(separatorClassSql)}', 1), c -> rt_pnr_ten(regexp_replace(c, '[^0-9]', '', 'g'))),
         t -> t IS NOT NULL AND rt_pnr_valid(t::BIGINT))) > 0
     END, false)`,
];
