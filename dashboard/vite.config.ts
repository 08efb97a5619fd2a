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

export default defineConfig({
  root,
  base: '/',
  plugins: [preloadChartLibraries(['overviewView', 'plot', 'arrowRows'])],
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
