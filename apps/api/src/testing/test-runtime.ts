import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { DatabaseHandle } from '@portal/db';
import { courts, executionUnits, staff, staffTokens } from '@portal/db/schema';
import type { TestBackend } from '@portal/db/testing';
import { parseEnv } from '../env.ts';
import { hashToken } from '../features/staff/staff-auth.ts';
import { createLogger } from '../logger.ts';
import { type Runtime, type RuntimeOptions, startRuntime } from '../runtime.ts';

export const TOKENS = {
  admin: 'test-admin-token',
  unitA: 'test-unit-a-token',
  unitB: 'test-unit-b-token',
} as const;

export interface TestRuntime {
  rt: Runtime;
  request(path: string, init?: RequestInit & { token?: keyof typeof TOKENS | string }): Promise<Response>;
  /** Every log line the server wrote, for "never logs a full ID" checks. */
  logLines: string[];
  close(): Promise<void>;
}

/**
 * A full API runtime on a fresh database of the given backend, embedded search, no site build,
 * demo seeding off, with a court, two execution units and three staff tokens.
 */
export async function openTestRuntime(
  backend: TestBackend,
  overrides: Record<string, string> = {},
  opts: Omit<RuntimeOptions, 'database'> & { database?: DatabaseHandle; seedStaff?: boolean } = {},
): Promise<TestRuntime> {
  const database = opts.database ?? (await backend.open());
  const env = parseEnv({
    DEMO_RECORDS: '0',
    SITE_BUILD: '0',
    LOG_LEVEL: 'info',
    IDENTIFIER_HMAC_KEY: 'test-hmac-key-0123456789',
    // one key for every runtime of a test, so a "restarted process" on the same database reads its rows
    ID_NUMBER_KEYS: 'test-id-number-key-0123456789',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'portal-test-')),
    RATE_LIMIT_PER_MIN: '0',
    ...overrides,
  });
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logLines.push(String(chunk));
      cb();
    },
  });
  const { seedStaff: withStaff = true, ...runtimeOpts } = opts;
  const rt = await startRuntime(env, createLogger(env.LOG_LEVEL, sink), { ...runtimeOpts, database });
  if (withStaff) await seedStaff(rt);
  return {
    rt,
    logLines,
    request(path, init = {}) {
      const { token, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (token)
        headers.set(
          'Authorization',
          `Bearer ${token in TOKENS ? TOKENS[token as keyof typeof TOKENS] : token}`,
        );
      return Promise.resolve(rt.app.request(path, { ...rest, headers }));
    },
    close: () => rt.close(),
  };
}

async function seedStaff(rt: Runtime) {
  const db = rt.deps.db;
  await db.insert(courts).values({ id: 'C1', name: '儋州市人民法院', code: '琼9003', region: '儋州市' });
  await db.insert(executionUnits).values([
    {
      id: 'U-A',
      courtId: 'C1',
      name: '执行一组',
      judge: '甲法官',
      assistant: '甲助理',
      clerk: '甲书记员',
      bailiff: '甲法警',
    },
    {
      id: 'U-B',
      courtId: 'C1',
      name: '执行二组',
      judge: '乙法官',
      assistant: '乙助理',
      clerk: '乙书记员',
      bailiff: '乙法警',
    },
  ]);
  await db.insert(staff).values([
    { id: 'S-ADMIN', name: '管理员', role: 'court_admin', courtId: 'C1' },
    { id: 'S-A', name: '一组书记员', role: 'unit_member', courtId: 'C1', unitId: 'U-A' },
    { id: 'S-B', name: '二组书记员', role: 'unit_member', courtId: 'C1', unitId: 'U-B' },
  ]);
  await db.insert(staffTokens).values([
    { id: 'T-ADMIN', staffId: 'S-ADMIN', tokenHash: hashToken(TOKENS.admin) },
    { id: 'T-A', staffId: 'S-A', tokenHash: hashToken(TOKENS.unitA) },
    { id: 'T-B', staffId: 'S-B', tokenHash: hashToken(TOKENS.unitB) },
  ]);
}

/** Polls until `check` passes or `ms` elapse; returns the elapsed milliseconds. */
export async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (await check()) return performance.now() - started;
    if (performance.now() - started > ms) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
