/**
 * The built dashboard as the server hands it out: the app shell at / (never cached, so a
 * new build is picked up at once), content-hashed assets cached for good, and nothing that
 * reaches beyond the server (no CDN, no web fonts): the dashboard works offline.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardDir, startDashboardApp } from '../helpers/dashboardApp.ts';
import type { SampleApp } from '../helpers/sampleApp.ts';

let app: SampleApp;
beforeAll(async () => {
  app = await startDashboardApp();
});
afterAll(() => app?.close());

describe('serving the dashboard', () => {
  it('GET / is the app shell, revalidated on every visit', async () => {
    const res = await fetch(`${app.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const html = await res.text();
    expect(html).toContain('<div id="app"');
    expect(html).toMatch(/<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js">/);
  });

  it('a link with a query string gets the same shell', async () => {
    const res = await fetch(`${app.url}/?view=school&school=990010014&lang=en`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="app"');
  });

  it('content-hashed assets are cached for good', async () => {
    const html = await (await fetch(`${app.url}/`)).text();
    const script = /src="(\/assets\/index-[\w-]+\.js)"/.exec(html)![1]!;
    const res = await fetch(`${app.url}${script}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('javascript');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('the bundle loads nothing from elsewhere: every URL in it is an XML namespace', () => {
    const files = readdirSync(join(dashboardDir, 'assets')).map((f) => join(dashboardDir, 'assets', f));
    const urls = new Set(
      [join(dashboardDir, 'index.html'), ...files].flatMap((f) => readFileSync(f, 'utf8').match(/https?:\/\/[^\s"'`)]+/g) ?? []),
    );
    for (const url of urls) expect(url).toMatch(/^http:\/\/www\.w3\.org\//);
  });
});
