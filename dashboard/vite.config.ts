/**
 * Builds the dashboard into dashboard/dist, which the Express app serves. Everything is
 * bundled (no CDN, no web fonts), so the dashboard works without network access.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The landing view's code (the overview, with what it imports) and the chart libraries are
 * fetched and compiled while the entry asks for the session and /api/meta (`modulepreload`
 * does not run them): main.ts runs them only after the view's figure requests have gone out
 * (views/overviewRequests.ts), so their evaluation overlaps the server's work instead of
 * preceding it, and they are not fetched behind those requests from a busy server.
 */
function preloadChartLibraries(chunks: readonly string[]): Plugin {
  return {
    name: 'preload-chart-libraries',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle ?? {};
        const files = new Set<string>();
        const add = (fileName: string) => {
          const chunk = bundle[fileName];
          if (files.has(fileName) || chunk?.type !== 'chunk') return;
          files.add(fileName);
          chunk.imports.forEach(add);
        };
        for (const chunk of Object.values(bundle)) if (chunk.type === 'chunk' && chunks.includes(chunk.name)) add(chunk.fileName);
        return [...files].filter((file) => !html.includes(file)).map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head' as const }));
      },
    },
  };
}

/**
 * The overview's own code and the sections, charts and helpers it draws with, in one chunk:
 * over HTTP/1.1 the browser fetches six files at a time, and the overview's 20 small chunks
 * came in four rounds behind Plot, each round slow while the server and the browser share two
 * busy cores. Other views import what they share with it from this chunk. Only the overview's
 * own sections: the school page's table brings a style sheet, which the view's import would wait for.
 */
const overviewCode = /[\\/]dashboard[\\/](views[\\/](overviewView|overviewRequests|schoolsInScope|figureFormat|sections[\\/](barSection|durationSection|groupTableSection|monthlySection|survivalSection))|charts|components|data[\\/][^\\/]+|export|format)\.?[^\\/]*\.ts$/;

/**
 * perf/warmIntl.ts as an entry of its own, in an `async` module script placed just before the
 * main one (after the preloaded API requests, which go out first): it runs the moment it
 * arrives, while the main bundle is still on its way (vite would merge a second script of
 * index.html into the main entry, which runs later).
 */
function asyncEntry(name: string): Plugin {
  return {
    name: 'async-entry',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.isEntry && c.name === name);
        if (!chunk) return html;
        return html.replace('<script type="module"', `<script type="module" async crossorigin src="/${chunk.fileName}"></script>\n    <script type="module"`);
      },
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  plugins: [asyncEntry('warmIntl'), preloadChartLibraries(['overviewView', 'plot'])],
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      input: { index: `${root}index.html`, warmIntl: `${root}perf/warmIntl.ts` },
      output: {
        codeSplitting: {
          groups: [
            // Libraries change less often than the app: a chunk of their own keeps its cache entry.
            { name: 'plot', test: /node_modules[\\/]/ },
            // What the entry imports stays in the entry (one file, no round trip before it runs).
            { name: 'app', tags: ['$initial'], test: (id) => /[\\/]dashboard[\\/]/.test(id) && !id.includes('warmIntl') },
            { name: 'overviewView', test: overviewCode },
          ],
        },
      },
    },
  },
});
