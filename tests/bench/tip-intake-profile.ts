/**
 * CPU cost of one tip intake, in process (no HTTP client competing for the cores): a runtime on
 * PGlite on disk (or DATABASE_URL) with a webhook receiver, N tips at a given concurrency, CPU
 * milliseconds per tip from `process.cpuUsage()`. With `PROFILE_OUT=file.cpuprofile` the measured
 * phase alone (not the start-up) is profiled, for Chrome DevTools or any .cpuprofile reader.
 * Statements and transactions the database is sent during the measured phase are counted (at
 * drizzle's session, both engines; BEGIN/COMMIT not included in `statementsPerTip`).
 * `node tests/bench/tip-intake-profile.ts [tips] [concurrency] [no-notify]`
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { parseEnv } from '../../apps/api/src/env.ts';
import { createLogger } from '../../apps/api/src/logger.ts';
import { startRuntime } from '../../apps/api/src/runtime.ts';
import { personDraft } from '../../apps/api/src/testing/fixtures.ts';

const TOKEN = 'profile-admin-token-0123456789abcdef';

/**
 * Counts the statements prepared and the transactions opened through drizzle while `counts.on`:
 * patches the engine's session class (PGlite or postgres-js), whose instances also serve the
 * transactions.
 */
function countStatements(session: object) {
  const counts = { statements: 0, transactions: 0, on: false };
  const proto = Object.getPrototypeOf(session) as Record<string, (...args: unknown[]) => unknown>;
  for (const [name, key] of [
    ['prepareQuery', 'statements'],
    ['transaction', 'transactions'],
  ] as const) {
    const original = proto[name]!;
    proto[name] = function (this: unknown, ...args: unknown[]) {
      if (counts.on) counts[key]++;
      return original.apply(this, args);
    };
  }
  return counts;
}

export async function profileIntake(total = 1000, concurrency = 16, notify = true) {
  let received = 0;
  let messages = 0;
  const rx = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      // a message announces the tips of one group commit (`tipIds`)
      messages++;
      received += (JSON.parse(body) as { data: { tipIds: string[] } }).data.tipIds.length;
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => rx.listen(0, '127.0.0.1', r));
  const env = parseEnv({
    ...process.env,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'portal-tip-profile-')),
    DEMO_RECORDS: '0',
    SITE_BUILD: '0',
    RATE_LIMIT_PER_MIN: '0',
    STAFF_BOOTSTRAP_TOKEN: TOKEN,
    TIP_WEBHOOK_URL: notify ? `http://127.0.0.1:${(rx.address() as AddressInfo).port}/hook` : '',
    TIP_WEBHOOK_SECRET: `whsec_${Buffer.from('profile-secret-0123456789').toString('base64')}`,
    TIP_NOTIFY_ALLOW_PRIVATE: '1',
  });
  const quiet = new Writable({ write: (_c, _e, cb) => cb() });
  const rt = await startRuntime(env, createLogger('info', quiet));
  const counts = countStatements((rt.deps.db as unknown as { _: { session: object } })._.session);
  const admin = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
  const created = (await (
    await rt.app.request('/api/v1/admin/listings', {
      method: 'POST',
      headers: admin,
      body: JSON.stringify(personDraft()),
    })
  ).json()) as { id: string };
  await rt.app.request(`/api/v1/admin/listings/${created.id}/publish`, { method: 'POST', headers: admin });
  const send = async (i: number) => {
    const res = await rt.app.request('/api/v1/tips', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `profile-${i}` },
      body: JSON.stringify({
        listingId: created.id,
        kind: 'asset',
        assetType: 'vehicle',
        description: `性能剖析线索 ${i}：见到一辆登记在其名下的车辆。`,
        contactName: '测试',
        contactPhone: '13900000000',
      }),
    });
    if (res.status !== 201) throw new Error(`tip ${i}: ${res.status} ${await res.text()}`);
  };
  for (let i = 0; i < 20; i++) await send(-1 - i); // warm-up
  const profiler = process.env.PROFILE_OUT ? new Session() : null;
  if (profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  }
  counts.on = true;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await send(next++);
    }),
  );
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  counts.on = false;
  if (profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    writeFileSync(process.env.PROFILE_OUT!, JSON.stringify(profile));
    profiler.disconnect();
  }
  const deadline = performance.now() + 60_000;
  while (notify && received < total + 20 && performance.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  const result = {
    tips: total,
    tipsPerSec: Math.round((total / wall) * 1000),
    cpuMsPerTip: Number(((cpu.user + cpu.system) / 1000 / total).toFixed(2)),
    tipsAnnounced: received,
    webhookMessages: messages,
    statementsPerTip: Number((counts.statements / total).toFixed(2)),
    transactionsPerTip: Number((counts.transactions / total).toFixed(3)),
  };
  await rt.close();
  await new Promise<void>((r) => rx.close(() => r()));
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [total, concurrency] = process.argv.slice(2, 4).map(Number);
  console.log(await profileIntake(total || 1000, concurrency || 16, process.argv[4] !== 'no-notify'));
}
