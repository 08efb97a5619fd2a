/**
 * The shared example exports (fictional, real-shaped, with documented bad rows). They live
 * outside the repository; RT_EXAMPLE_EXPORTS points elsewhere when they are copied.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../etl/db/defaultPaths.ts';

export const exampleExportsDir: string = process.env.RT_EXAMPLE_EXPORTS ?? join(projectRoot, '..', 'shared', 'examples', 'exports');

/** Rows that break the contract, per file, as the examples' README documents them. */
export const documentedRejections: Readonly<Record<string, number>> = {
  'skoler.csv': 0,
  'motelogg.csv': 3,
  'saker.csv': 8,
  'droftinger.tsv': 3,
  'tiltak.csv': 4,
  'arshjul.csv': 0,
  'kompetansesatsinger.csv': 0,
  'kompetansedeltakelse.csv': 0,
};

export function requireExampleExports(): string {
  if (!existsSync(exampleExportsDir)) throw new Error(`example exports not found at ${exampleExportsDir} (set RT_EXAMPLE_EXPORTS)`);
  return exampleExportsDir;
}
