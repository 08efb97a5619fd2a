/**
 * Builds the dashboard into dashboard/dist, which the Express app serves. Everything is
 * bundled (no CDN, no web fonts), so the dashboard works without network access.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The chart libraries are fetched and compiled while the entry asks for the session and
 * /api/meta (`modulepreload` does not run them): the views import them only after the first
 * view's figure requests have gone out (views/overviewRequests.ts), so their evaluation
 * overlaps the server's work instead of preceding it.
 */
function preloadChartLibraries(chunks: readonly string[]): Plugin {
  return {
    name: 'preload-chart-libraries',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const files = Object.values(ctx.bundle ?? {}).filter((c) => c.type === 'chunk' && chunks.includes(c.name)).map((c) => c.fileName);
        return files.map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head' as const }));
      },
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  plugins: [preloadChartLibraries(['plot', 'arrow'])],
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks keep their cache entries.
        codeSplitting: {
          groups: [
            { name: 'arrow', test: /node_modules[\\/](apache-arrow|flatbuffers)/ },
            { name: 'plot', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
});
