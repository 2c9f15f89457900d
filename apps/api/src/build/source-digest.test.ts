import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newestSourceMtime, SKIPPED_BY_DEFAULT, sourceDigest } from './source-digest.ts';

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

describe('newestSourceMtime and skipped names (is a build without a stamp newer than its sources?)', () => {
  it('gives the newest source time, leaving out skipped (generated) files', () => {
    const root = mkdtempSync(join(tmpdir(), 'portal-mtime-'));
    mkdirSync(join(root, 'src'));
    writeFileSync(join(root, 'src', 'app.tsx'), 'export {}');
    writeFileSync(join(root, 'src', 'notices-data.ts'), 'generated');
    const old = new Date('2026-01-01T00:00:00Z');
    const newer = new Date('2026-06-01T00:00:00Z');
    utimesSync(join(root, 'src', 'app.tsx'), old, old);
    utimesSync(join(root, 'src', 'notices-data.ts'), newer, newer);
    const skip = new Set([...SKIPPED_BY_DEFAULT, 'notices-data.ts']);
    expect(newestSourceMtime(root, ['src'], skip)).toBe(old.getTime());
    expect(newestSourceMtime(root, ['src'])).toBe(newer.getTime());
    expect(newestSourceMtime(root, ['missing'])).toBe(0);
    // the generated file does not move the digest either
    const before = sourceDigest(root, ['src'], skip);
    writeFileSync(join(root, 'src', 'notices-data.ts'), 'generated again');
    expect(sourceDigest(root, ['src'], skip)).toBe(before);
    expect(sourceDigest(root, ['src'])).not.toBe(sourceDigest(root, ['src'], skip));
  });
});
