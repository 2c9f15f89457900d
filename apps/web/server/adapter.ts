import type { AstroIntegration } from 'astro';

/**
 * The portal's own Astro adapter: static pages are prerendered as before, pages marked
 * `prerender = false` (listing pages, home, stats) are bundled into `server/entry.mjs`, whose
 * `renderPage(request, locals)` the portal's Hono server calls in process with data from its read
 * model. Same as @astrojs/node in middleware mode, but answering a fetch `Response` (which the
 * server caches per listing) instead of writing to a Node `ServerResponse`.
 */
export function portalAdapter(): AstroIntegration {
  return {
    name: 'portal-adapter',
    hooks: {
      'astro:config:done': ({ setAdapter }) => {
        setAdapter({
          name: 'portal-adapter',
          entrypointResolution: 'auto',
          serverEntrypoint: new URL('./server-entry.ts', import.meta.url),
          adapterFeatures: { buildOutput: 'server' },
          supportedAstroFeatures: {
            hybridOutput: 'stable',
            staticOutput: 'stable',
            serverOutput: 'stable',
            sharpImageService: 'unsupported',
          },
        });
      },
    },
  };
}
