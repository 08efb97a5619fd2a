/**
 * Writes the two hostile but plausible exports of issue 13 into a folder (generated, never
 * committed): a cases file of `rows` rows that all name a school the database does not know
 * (every row goes to quarantine), and a cases file whose header carries `extra` columns that
 * are not in the contract.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';

const casesHeader = 'case_id,school_id,kind,first_concern_date,reported_date,consent_date,grade,topic,legal_area,challenges,student_ref,closed_date,outcome';

async function writeLines(path: string, header: string, rows: number, line: (i: number) => string): Promise<void> {
  const out = createWriteStream(path);
  out.write(header + '\n');
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    chunk += line(i) + '\n';
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

/** About 110 bytes a row: 455,899 rows make the 50 MB of the measured upload. */
export async function unknownSchoolCases(dir: string, rows: number): Promise<string> {
  const path = join(dir, `unknown-school-${rows}.csv`);
  await writeLines(path, casesHeader, rows, (i) =>
    `SAK-${i},999999999,individual,2024-09-0${1 + (i % 9)},2024-09-1${i % 10},,${1 + (i % 10)},fravaer,kap11,urolig|passiv,E-${i},,`,
  );
  return path;
}

export async function extraColumnCases(dir: string, extra: number, rows = 2_000): Promise<string> {
  const path = join(dir, `extra-columns-${extra}.csv`);
  const header = casesHeader + ',' + Array.from({ length: extra }, (_, i) => `ekstra_${i}`).join(',');
  const empties = ','.repeat(extra);
  await writeLines(path, header, rows, (i) => `SAK-${i},980000001,individual,2024-09-01,2024-09-02,,3,fravaer,kap11,,E-${i},,${empties}`);
  return path;
}
