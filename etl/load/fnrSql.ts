/**
 * Norwegian national identity numbers (fødselsnummer, also D- and H-numbers): 11 digits
 * whose two check digits are valid (modulus 11). Any field holding one rejects its row.
 */
const weights1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const weights2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function checkDigit(digits: readonly number[], weights: readonly number[]): number {
  const sum = weights.reduce((acc, w, i) => acc + w * digits[i]!, 0);
  const k = 11 - (sum % 11);
  return k === 11 ? 0 : k;
}

/** JavaScript twin of the SQL macro, used by tests and the sample generator. */
export function isNationalIdentityNumber(value: string): boolean {
  const s = value.trim();
  if (!/^[0-9]{11}$/.test(s)) return false;
  const d = [...s].map(Number);
  return checkDigit(d, weights1) === d[9] && checkDigit(d, weights2) === d[10];
}

function weighted(weights: readonly number[]): string {
  return weights.map((w, i) => `${w} * rt_digit(s, ${i + 1})`).join(' + ');
}

/** Temporary macros: `rt_is_fnr(text)` is true for a valid national identity number. */
export const fnrMacros: readonly string[] = [
  `CREATE OR REPLACE TEMP MACRO rt_digit(s, i) AS ascii(substr(s, i, 1)) - 48`,
  `CREATE OR REPLACE TEMP MACRO rt_check(sum) AS CASE WHEN 11 - sum % 11 = 11 THEN 0 ELSE 11 - sum % 11 END`,
  `CREATE OR REPLACE TEMP MACRO rt_fnr_digits(s) AS
     CASE WHEN length(s) = 11 AND regexp_full_match(s, '[0-9]{11}')
       THEN rt_check(${weighted(weights1)}) = rt_digit(s, 10) AND rt_check(${weighted(weights2)}) = rt_digit(s, 11)
       ELSE false END`,
  `CREATE OR REPLACE TEMP MACRO rt_is_fnr(raw) AS coalesce(rt_fnr_digits(trim(raw)), false)`,
  // For values already trimmed: skips a second trim on every field of every row.
  `CREATE OR REPLACE TEMP MACRO rt_is_fnr_trimmed(s) AS coalesce(rt_fnr_digits(s), false)`,
];
