import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { shortcutResolve } from './module-shortcuts.ts';

const DRIZZLE = 'file:///srv/portal/node_modules/drizzle-orm/pg-core/table.js';

describe('shortcutResolve', () => {
  test('resolves a relative import inside drizzle-orm to the file it names', () => {
    expect(shortcutResolve('../column.js', DRIZZLE)).toBe(
      'file:///srv/portal/node_modules/drizzle-orm/column.js',
    );
    expect(shortcutResolve('./columns/index.js', DRIZZLE)).toBe(
      'file:///srv/portal/node_modules/drizzle-orm/pg-core/columns/index.js',
    );
  });

  test('leaves bare, extensionless, escaping and other packages’ imports to Node', () => {
    expect(shortcutResolve('drizzle-orm', DRIZZLE)).toBeUndefined();
    expect(shortcutResolve('./column', DRIZZLE)).toBeUndefined();
    expect(shortcutResolve('../../hono/dist/index.js', DRIZZLE)).toBeUndefined();
    expect(shortcutResolve('./x.js', 'file:///srv/portal/node_modules/hono/dist/index.js')).toBeUndefined();
    expect(shortcutResolve('./x.js', undefined)).toBeUndefined();
  });
});

/** The modules a child process loads for drizzle's entry points, with or without the hook. */
function loadDrizzle(withShortcuts: boolean): { urls: string[]; shortcuts: number } {
  const shortcuts = new URL('./module-shortcuts.ts', import.meta.url).href;
  const script = `
    import { registerHooks } from 'node:module';
    const { registerModuleShortcuts, moduleShortcutsTaken } = await import(${JSON.stringify(shortcuts)});
    if (${withShortcuts}) registerModuleShortcuts();
    const urls = new Set();
    // registered last, so it runs first and sees what the chain (shortcut or Node) resolved
    registerHooks({
      resolve(specifier, context, next) {
        const r = next(specifier, context);
        urls.add(r.url);
        return r;
      },
    });
    await import('drizzle-orm');
    await import('drizzle-orm/pg-core');
    await import('drizzle-orm/pglite');
    await import('drizzle-orm/postgres-js');
    console.log(JSON.stringify({ urls: [...urls].sort(), shortcuts: moduleShortcutsTaken() }));
  `;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}');
}

test('the server loads the very same drizzle files with the hook, most of them resolved by it', () => {
  const plain = loadDrizzle(false);
  const shortcut = loadDrizzle(true);
  expect(shortcut.urls).toEqual(plain.urls);
  expect(plain.urls.filter((u) => u.includes('/node_modules/drizzle-orm/')).length).toBeGreaterThan(100);
  expect(plain.shortcuts).toBe(0);
  expect(shortcut.shortcuts).toBeGreaterThan(100);
});
