import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The staff console, served by the API process at `/console/` under the site's strict CSP:
 * no inline scripts or styles, nothing from other origins (the build emits files only).
 */
export default defineConfig({
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
});
