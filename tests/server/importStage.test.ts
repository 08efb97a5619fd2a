/**
 * GET /api/imports/stage: idle, then the stages of a running upload as the importer reports
 * them (in importBatch's order), then idle again; only for those who may import. And
 * importBatch tells its stages in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../etl/db/openDatabase.ts';
import { importBatch, type ImportStage } from '../../etl/load/importBatch.ts';
import { startAuthSampleApp, type SampleApp } from '../helpers/sampleApp.ts';
import { makeTempDir, removeTempDirs } from '../helpers/tempDir.ts';
import { testPseudonymKey } from '../helpers/testKey.ts';
import { writeText } from '../helpers/writeCsv.ts';
import { signedIn, type AuthClient } from './auth/authClient.ts';

let app: SampleApp;
let admin: AuthClient;
beforeAll(async () => {
  app = await startAuthSampleApp();
  admin = await signedIn(app, 'admin');
});
afterAll(() => {
  removeTempDirs();
  return app.close();
});

const stageNow = async (client: AuthClient) => ((await (await client.get('/api/imports/stage')).json()) as { stage: string }).stage;

describe('importBatch', () => {
  it('tells its stages in order: reading, loading, quarantine, figures', async () => {
    const db = await openDatabase(':memory:');
    try {
      const seen: ImportStage[] = [];
      const file = writeText(makeTempDir('rt-stage-'), 'skoler.csv', 'skole_id;skolenavn;kommune\nS1;A;K\n');
      await importBatch(db.connection, [file], { key: testPseudonymKey(), onStage: (s) => seen.push(s) });
      expect(seen).toEqual(['reading', 'loading', 'quarantine', 'figures']);
    } finally {
      db.close();
    }
  });
});

describe('GET /api/imports/stage', () => {
  it('is idle, shows the stages of a running upload in order, and is idle again after it', async () => {
    expect(await stageNow(admin)).toBe('idle');
    const school = (await (await admin.get('/api/meta')).json()).schools[0].school_id;
    const lines = ['case_id,school_id,kind,first_concern_date,grade'];
    for (let i = 0; i < 60_000; i++) lines.push(`STG-${i},${school},individual,2025-03-1${i % 10},${1 + (i % 10)}`);
    let done = false;
    const upload = admin.request('POST', '/api/imports?filename=store.csv', { body: lines.join('\n') + '\n', headers: { 'content-type': 'text/csv' } }).finally(() => (done = true));
    const seen: string[] = [];
    while (!done) {
      const stage = await stageNow(admin);
      if (seen.at(-1) !== stage) seen.push(stage);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await upload).status).toBe(200);
    const order = ['idle', 'reading', 'loading', 'quarantine', 'figures'];
    const running = seen.filter((s) => s !== 'idle');
    expect(running.length, JSON.stringify(seen)).toBeGreaterThan(0);
    // Never backwards: each stage seen comes later in the importer's order than the one before.
    expect(running.map((s) => order.indexOf(s))).toEqual([...running.map((s) => order.indexOf(s))].sort((a, b) => a - b));
    expect(running.every((s) => order.includes(s))).toBe(true);
    expect(await stageNow(admin)).toBe('idle');
  }, 240_000);

  it('refuses a rector (403)', async () => {
    const rector = await signedIn(app, 'rector');
    expect((await rector.get('/api/imports/stage')).status).toBe(403);
  });
});
