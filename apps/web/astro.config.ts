import { resolve } from 'node:path';
import react from '@astrojs/react';
import { defineConfig, passthroughImageService } from 'astro/config';
import { portalAdapter } from './server/adapter.ts';

/**
 * The public site: static pages prerendered into `<outDir>/client`, the pages that show data
 * (listing pages, home, stats: `prerender = false`) bundled into `<outDir>/server/entry.mjs` and
 * rendered on demand by the portal's server (server/adapter.ts). The build reads no data, so one
 * build serves any number of listings. The output folder comes from `SITE_OUT_DIR` (relative
 * paths resolve against the working directory).
 *
 * CSP: the pages ship no inline script or style. React components are rendered to HTML at build
 * time and mounted by bundled module scripts (no `client:*` directives, whose hydration runtime
 * Astro inlines), stylesheets are always external and scripts are never inlined.
 */
const outDir = process.env.SITE_OUT_DIR ? resolve(process.cwd(), process.env.SITE_OUT_DIR) : './dist';

export default defineConfig({
  output: 'static',
  adapter: portalAdapter(),
  outDir,
  // the site has no images to optimise; no sharp in the server bundle
  image: { service: passthroughImageService() },
  trailingSlash: 'ignore',
  integrations: [react()],
  build: { inlineStylesheets: 'never', format: 'directory' },
  devToolbar: { enabled: false },
  prefetch: false,
  vite: {
    build: { assetsInlineLimit: 0 },
    // one self-contained server bundle: it is loaded from the server's data folder, where no
    // node_modules can be resolved
    ssr: { noExternal: true },
    environments: { prerender: { resolve: { noExternal: true } } },
  },
});
