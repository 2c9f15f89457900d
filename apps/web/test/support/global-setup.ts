/**
 * Builds the test site once for the whole `web` project and hands its location to the tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../../scripts/build-site.ts';
import { writeSnapshot } from '../../scripts/make-fixture.ts';
import { testSnapshot } from './fixture.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    webSite: { dist: string; dataFile: string; buildMs: number };
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'web-test-'));
  const dataFile = join(dir, 'site-data.json');
  const dist = join(dir, 'dist');
  writeSnapshot(dataFile, testSnapshot());
  const buildMs = await buildSite(dataFile, dist);
  project.provide('webSite', { dist, dataFile, buildMs });
  return () => rmSync(dir, { recursive: true, force: true });
}
