/**
 * Brotli and gzip on the wire: a large JSON answer (from the answer cache and from a route
 * without it) and the dashboard's JavaScript bundle, read as raw bytes and decompressed
 * here with node:zlib, must equal the uncompressed answer; a client that accepts neither
 * gets the plain bytes. A full figure queue answers 503 with Retry-After.
 */
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDashboardApp } from '../../helpers/dashboardApp.ts';
import { startSampleApp, type SampleApp } from '../../helpers/sampleApp.ts';

let app: SampleApp;
beforeAll(async () => {
  app = await startDashboardApp();
});
afterAll(() => app?.close());

interface Raw {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

/** A GET whose body is left as it came over the wire (fetch would decompress it). */
function rawGet(url: string, acceptEncoding: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

const decompress = (raw: Raw): Buffer =>
  raw.headers['content-encoding'] === 'br' ? brotliDecompressSync(raw.body) : raw.headers['content-encoding'] === 'gzip' ? gunzipSync(raw.body) : raw.body;

/** `factor`: how much smaller the packed body must be; minified JavaScript packs about 3×, JSON far more. */
async function expectCompressed(path: string, atLeastBytes = 10_000, factor = 3) {
  const plain = await rawGet(`${app.url}${path}`, 'identity');
  expect(plain.status).toBe(200);
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.body.length).toBeGreaterThan(atLeastBytes);
  for (const [accept, expected] of [['gzip, deflate, br', 'br'], ['gzip', 'gzip']] as const) {
    const packed = await rawGet(`${app.url}${path}`, accept);
    expect(packed.status).toBe(200);
    expect(packed.headers['content-encoding']).toBe(expected);
    expect(String(packed.headers.vary)).toMatch(/Accept-Encoding/i);
    expect(packed.body.length).toBeLessThan(plain.body.length / factor);
    expect(decompress(packed).equals(plain.body)).toBe(true);
  }
}

describe('compression', () => {
  it('a large cached JSON answer (/api/figures by school) comes brotli or gzip as accepted', async () => {
    await expectCompressed('/api/figures?from=2024-08-01&to=2025-07-31&municipality=Fjordvik&by=school');
  });

  it('a large answer of a route without the cache (/api/audit) too', async () => {
    for (let i = 0; i < 30; i++) await rawGet(`${app.url}/api/figures?from=2024-08-01&to=2025-07-31&school=990010014`, 'identity');
    // Reading the log is logged too: a page before a fixed entry stays the same.
    const newest = JSON.parse((await rawGet(`${app.url}/api/audit?limit=1`, 'identity')).body.toString('utf8')) as { entries: { audit_id: number }[] };
    await expectCompressed(`/api/audit?limit=200&before=${newest.entries[0]!.audit_id + 1}`, 5_000);
  });

  it('the dashboard’s JavaScript too (the preloaded chart library), still cached for good', async () => {
    const html = (await rawGet(`${app.url}/`, 'identity')).body.toString('utf8');
    // The chart library's chunk, which the page preloads: the entry itself is small since the views were split into chunks.
    const script = /"(\/assets\/plot-[\w-]+\.js)"/.exec(html)![1]!;
    await expectCompressed(script, 10_000, 2);
    const packed = await rawGet(`${app.url}${script}`, 'br');
    expect(packed.headers['content-type']).toContain('javascript');
    expect(packed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('a small answer is sent as it is', async () => {
    const health = await rawGet(`${app.url}/api/health`, 'br');
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(health.body.toString('utf8'))).toMatchObject({ status: 'ok' });
  });
});

describe('a full figure queue', () => {
  it('answers 503 with Retry-After at once instead of letting the request wait', async () => {
    // No slot and no waiting place: every figure request finds the queue full, with no race.
    const busy = await startSampleApp({ serving: { concurrency: 0, maxWaiting: 0, retryAfterSeconds: 7 } });
    try {
      const res = await fetch(`${busy.url}/api/figures?from=2024-08-01&to=2025-07-31`);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('7');
      expect(await res.json()).toMatchObject({ error: 'busy' });
      // Routes outside the figure queue still answer.
      expect((await fetch(`${busy.url}/api/meta`)).status).toBe(200);
    } finally {
      await busy.close();
    }
  });
});
