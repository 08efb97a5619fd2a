/** A file name as the import history keeps it: one that holds a national identity number is not kept. */
import { containsNationalIdentityNumber } from './fnrSql.ts';
import { containsPersonnummer } from './personnummerSql.ts';

export function historyFileName(name: string): string {
  return containsNationalIdentityNumber(name) || containsPersonnummer(name) ? '(filnavn med fødselsnummer)' : name;
}
