/**
 * The security headers every answer carries: a strict Content-Security-Policy (no inline
 * script, Plot's own style elements allowed by hash only), no caching of API answers, and
 * helmet's other defaults. The Plot style texts are checked against Plot's source.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../etl/db/defaultPaths.ts';
import { plotStyleTemplates } from '../../server/http/plotStyleHashes.ts';
import { startSampleApp, type SampleApp } from '../helpers/sampleApp.ts';

let app: SampleApp;
beforeAll(async () => {
  app = await startSampleApp();
});
afterAll(() => app.close());

function directives(header: string | null): Map<string, string[]> {
  return new Map((header ?? '').split(';').map((d) => d.trim().split(/\s+/)).filter((p) => p[0]).map(([name, ...values]) => [name!, values]));
}

describe('Content-Security-Policy', () => {
  it('allows only the app’s own origin, no inline script, images also from data: and blob:', async () => {
    const csp = directives((await fetch(`${app.url}/api/health`)).headers.get('content-security-policy'));
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('script-src-attr')).toEqual(["'none'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.has('upgrade-insecure-requests')).toBe(false);
    const style = csp.get('style-src')!;
    expect(style[0]).toBe("'self'");
    expect(style.slice(1).every((s) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(s))).toBe(true);
    expect(style).not.toContain("'unsafe-inline'");
  });

  it.each(Object.entries(plotStyleTemplates))('Plot’s %s style text is exactly as in Plot’s source', (name, template) => {
    const plotRoot = join(projectRoot, 'node_modules', '@observablehq', 'plot');
    const file = { plot: 'plot.js', ramp: 'legends/ramp.js' }[name] ?? 'legends/swatches.js';
    const source = readFileSync(join(plotRoot, 'src', file), 'utf8');
    expect(source).toContain(template.replaceAll('{c}', '${className}').replace('{extra}', '${extraStyle}'));
    expect(readFileSync(join(plotRoot, 'src', 'style.js'), 'utf8')).toContain('return "plot-d6a7b5"');
  });
});

describe('other headers', () => {
  it('API answers are never cached', async () => {
    expect((await fetch(`${app.url}/api/meta`)).headers.get('cache-control')).toBe('no-store');
  });

  it('helmet’s defaults: nosniff, no referrer, no framing, no x-powered-by', async () => {
    const headers = (await fetch(`${app.url}/api/health`)).headers;
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(headers.get('x-powered-by')).toBeNull();
  });
});
