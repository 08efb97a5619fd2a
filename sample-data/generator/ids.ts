/**
 * Fictional identifiers. School ids look like Norwegian organisation numbers (nine digits,
 * here always starting with 99) but end in a wrong MOD11 check digit, so none of them can be
 * a real organisation's number.
 */

const orgWeights = [3, 2, 7, 6, 5, 4, 3, 2];

/** The MOD11 check digit of eight digits, or null when no valid number has that stem. */
export function orgCheckDigit(stem: string): number | null {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(stem[i]) * (orgWeights[i] ?? 0);
  const rest = 11 - (sum % 11);
  if (rest === 11) return 0;
  return rest === 10 ? null : rest;
}

/** `99` + municipality number (3 digits) + school number in it (3 digits) + a wrong check digit. */
export function schoolId(municipalityNo: number, schoolNo: number): string {
  if (municipalityNo > 999 || schoolNo > 999) {
    throw new Error(`schoolId: municipality ${municipalityNo} or school ${schoolNo} exceeds 999`);
  }
  const stem = `99${pad(municipalityNo, 3)}${pad(schoolNo, 3)}`;
  const valid = orgCheckDigit(stem);
  const wrong = valid === null ? 0 : (valid + 1) % 10;
  return `${stem}${wrong}`;
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** The short school tag used inside meeting and case ids, e.g. `0007`. */
export function schoolTag(schoolIndex: number): string {
  return pad(schoolIndex + 1, 4);
}
