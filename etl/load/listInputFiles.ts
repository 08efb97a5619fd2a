/** Expands the paths given to an import into files: a folder contributes its CSV/TSV/TXT and .xlsx files (not Excel's `~$` lock files). */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ImportError } from './importReport.ts';

const dataFile = /\.(csv|tsv|txt|xlsx)$/i;

export function listInputFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new ImportError('filen eller mappen finnes ikke eller kan ikke leses', path);
    }
    if (stat.isDirectory()) {
      const inside = readdirSync(path)
        .filter((name) => dataFile.test(name) && !name.startsWith('~$'))
        .sort()
        .map((name) => join(path, name));
      files.push(...inside);
    } else files.push(path);
  }
  if (files.length === 0) throw new ImportError('ingen CSV- eller Excel-filer (.xlsx) å importere');
  // The same file named twice (say, as a file and inside a folder) is imported once.
  const seen = new Set<string>();
  return files.filter((file) => {
    const real = realpathSync(file);
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  });
}
