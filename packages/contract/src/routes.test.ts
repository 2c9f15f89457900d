import { describe, expect, it } from 'vitest';
import * as full from './index.ts';
import * as light from './routes.ts';

describe('light route entry for browsers', () => {
  it('names the same method and path as the full contract route', () => {
    const names = Object.keys(light).filter((k) => k.endsWith('Route'));
    expect(names.length).toBeGreaterThan(3);
    for (const name of names) {
      const l = (light as unknown as Record<string, { method: string; path: string }>)[name]!;
      const f = (full as unknown as Record<string, { method: string; path: string } | undefined>)[name];
      expect(f, name).toBeDefined();
      expect({ method: l.method, path: l.path }, name).toEqual({ method: f!.method, path: f!.path });
    }
  });
});
