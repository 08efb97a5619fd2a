/**
 * Builds the dashboard into dashboard/dist, which the Express app serves. Everything is
 * bundled (no CDN, no web fonts), so the dashboard works without network access.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
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
