/** National-scale benchmark data: generated once with a fixed seed and cached under data/. */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../etl/db/defaultPaths.ts';
import { defaultSeed, generate } from '../sample-data/generate.ts';

export const nationalDir = join(projectRoot, 'data', 'bench-national');
const doneMarker = '.complete';

export async function nationalFiles(log: (line: string) => void): Promise<string[]> {
  if (!existsSync(join(nationalDir, doneMarker))) {
    log('Genererer data i nasjonal skala (én gang, lagres i data/bench-national/) …');
    await generate({ scale: 'national', out: nationalDir, seed: defaultSeed });
    writeFileSync(join(nationalDir, doneMarker), `seed ${defaultSeed}\n`);
  }
  return readdirSync(nationalDir)
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .map((f) => join(nationalDir, f));
}
