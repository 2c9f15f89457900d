import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceDigest } from './source-digest.ts';

describe('sourceDigest (is a build still the build of these sources?)', () => {
  it('changes when a source file changes, not when build output or dependencies do', () => {
    const root = mkdtempSync(join(tmpdir(), 'portal-digest-'));
    mkdirSync(join(root, 'src', 'screens'), { recursive: true });
    mkdirSync(join(root, 'src', 'node_modules'), { recursive: true });
    mkdirSync(join(root, 'src', 'dist'));
    writeFileSync(join(root, 'src', 'screens', 'Tips.tsx'), 'export const a = 1;');
    writeFileSync(join(root, 'index.html'), '<!doctype html>');
    const entries = ['src', 'index.html', 'missing.ts'];
    const first = sourceDigest(root, entries);
    expect(first).toMatch(/^[0-9a-f]{16}$/);
    writeFileSync(join(root, 'src', 'dist', 'index.html'), 'built');
    writeFileSync(join(root, 'src', 'node_modules', 'x.js'), 'dependency');
    expect(sourceDigest(root, entries)).toBe(first);
    writeFileSync(join(root, 'src', 'screens', 'Tips.tsx'), 'export const a = 2;');
    const changed = sourceDigest(root, entries);
    expect(changed).not.toBe(first);
    // a renamed file is a change even with the same bytes
    writeFileSync(join(root, 'src', 'screens', 'Tips.tsx'), 'export const a = 1;');
    expect(sourceDigest(root, entries)).toBe(first);
    writeFileSync(join(root, 'src', 'screens', 'Tipz.tsx'), 'export const a = 1;');
    expect(sourceDigest(root, entries)).not.toBe(first);
  });
});
