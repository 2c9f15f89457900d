import { resolve } from 'node:path';
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';

/**
 * Static build of the public site. The output folder comes from `SITE_OUT_DIR` (relative paths
 * resolve against the working directory); the data snapshot is read by `src/data/site-data.ts`.
 *
 * CSP: the pages ship no inline script or style. React components are rendered to HTML at build
 * time and mounted by bundled module scripts (no `client:*` directives, whose hydration runtime
 * Astro inlines), stylesheets are always external and scripts are never inlined.
 */
const outDir = process.env.SITE_OUT_DIR ? resolve(process.cwd(), process.env.SITE_OUT_DIR) : './dist';

export default defineConfig({
  output: 'static',
  outDir,
  trailingSlash: 'ignore',
  integrations: [react()],
  build: { inlineStylesheets: 'never', format: 'directory' },
  devToolbar: { enabled: false },
  prefetch: false,
  vite: {
    build: { assetsInlineLimit: 0 },
  },
});
