import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../etl/db/defaultPaths.ts';
import { importCycles } from '../../scripts/importCycles.ts';
import { makeTempDir, removeTempDirs } from '../helpers/tempDir.ts';

afterAll(removeTempDirs);

describe('importCycles', () => {
  it('finds a type-only cycle, once, and no cycle where there is none', () => {
    const root = makeTempDir('rt-cycles-');
    mkdirSync(join(root, 'src', 'routes'), { recursive: true });
    writeFileSync(join(root, 'src', 'app.ts'), `import { routes } from './routes/routes.ts';\nexport interface Deps { n: number }\n`);
    writeFileSync(join(root, 'src', 'routes', 'routes.ts'), `import type { Deps } from '../app.ts';\nimport { helper } from './helper.ts';\n`);
    writeFileSync(join(root, 'src', 'routes', 'helper.ts'), `export const helper = 1;\n`);
    expect(importCycles(root, ['src'])).toEqual([[join('src', 'app.ts'), join('src', 'routes', 'routes.ts')]]);
    writeFileSync(join(root, 'src', 'routes', 'routes.ts'), `import { helper } from './helper.ts';\n`);
    expect(importCycles(root, ['src'])).toEqual([]);
  });

  it('the project has no import cycle, type-only imports included', () => {
    expect(importCycles(projectRoot, ['server', 'etl', 'dashboard', 'bench', 'scripts'])).toEqual([]);
  });
});
