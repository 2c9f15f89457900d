/**
 * Where a search request's server time goes, from a CPU profile of the server (cpu-profile-preload.mjs):
 * every sample of a time window is given to the innermost frame of its stack that belongs to a
 * part of the request path (engine, zod, JSON, Hono, the Node adapter, Node's HTTP, each
 * middleware of apps/api), skipping native frames and Headers operations, which count for their
 * caller. Samples taken while the process waited (`(idle)`) are left out of the shares.
 *
 *   node tests/bench/cpu-profile-split.ts <file.cpuprofile> [--from s] [--to s]
 * (seconds since the profile started; without them, the busiest 10 s stretch that ran searches)
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type CpuProfile, profileTree } from './cpu-profile-tree.ts';

/** Parts of the request path, tried in order on one frame (url, then function name). */
const PARTS: [string, (url: string) => boolean][] = [
  ['engine (packages/search)', (u) => u.includes('/packages/search/')],
  ['engine wrappers (public view, observed index)', (u) => u.includes('/apps/api/src/read-model/')],
  ['domain helpers (dates, text)', (u) => u.includes('/packages/domain/')],
  ['answer cache (key, look-up)', (u) => u.includes('/features/search/search-cache.ts')],
  ['representative matches', (u) => u.includes('/features/search/representative-matches.ts')],
  ['search route (query, JSON.stringify of the answer)', (u) => u.includes('/features/search/')],
  [
    'query validation (zod)',
    (u) => u.includes('/node_modules/zod/') || u.includes('zod-openapi') || u.includes('/packages/contract/'),
  ],
  ['validation glue (zod-validator, hono validator)', (u) => /zod-validator|hono\/dist\/validator/.test(u)],
  ['security headers', (u) => u.includes('/http/security-headers.ts')],
  ['CORS', (u) => u.includes('/http/cors.ts') || u.includes('middleware/cors/')],
  ['request id', (u) => u.includes('middleware/request-id/')],
  [
    'rate limit, client identity, identifier limit',
    (u) => /\/http\/(rate-limit|client-identity|identifier-query-limit)/.test(u),
  ],
  ['other middleware (apps/api)', (u) => u.includes('/apps/api/src/')],
  ['Hono (routing, context, compose)', (u) => u.includes('/node_modules/hono/')],
  ['Node adapter (@hono/node-server)', (u) => u.includes('/@hono/node-server/')],
  [
    'fetch Response built in full (undici, web streams)',
    (u) => u.includes('node:internal/deps/undici') || u.includes('node:internal/webstreams'),
  ],
  [
    'background (database polling, change feed)',
    (u) => /\/node_modules\/(drizzle-orm|postgres)\/|\/packages\/db\//.test(u),
  ],
  ['Node HTTP, sockets, streams', (u) => u.startsWith('node:')],
];

/** Frames that count for their caller: natives, and Headers/encoding helpers called from everywhere. */
function passThrough(url: string, fn: string): boolean {
  if (url === '') return true;
  if (url.includes('node:internal/deps/undici') && /^(set|append|get|has|delete|__name)$/.test(fn))
    return true;
  return url === 'node:internal/encoding';
}

export function splitProfile(profile: CpuProfile, from?: number, to?: number) {
  const { byId, parent } = profileTree(profile);
  const partOf = new Map<number, string>();
  const classify = (leaf: number): string => {
    const cached = partOf.get(leaf);
    if (cached) return cached;
    const leafFn = byId.get(leaf)!.callFrame.functionName;
    let part = leafFn === '(garbage collector)' ? 'GC' : leafFn === '(idle)' ? 'idle' : '';
    for (let id: number | undefined = leaf; !part && id !== undefined; id = parent.get(id)) {
      const { url, functionName } = byId.get(id)!.callFrame;
      if (passThrough(url, functionName)) continue;
      part = PARTS.find(([, test]) => test(url))?.[0] ?? 'other';
    }
    part ||= 'other';
    partOf.set(leaf, part);
    return part;
  };
  const times: number[] = [];
  let t = profile.startTime;
  for (const d of profile.timeDeltas) {
    t += d;
    times.push(t - profile.startTime);
  }
  let [start, end] = [from, to];
  if (start === undefined || end === undefined) {
    // the busiest 10 s in which searches ran
    const perSecond = new Map<number, number>();
    profile.samples.forEach((s, i) => {
      if (classify(s) === 'idle') return;
      const sec = Math.floor(times[i]! / 1e6);
      perSecond.set(sec, (perSecond.get(sec) ?? 0) + 1);
    });
    let best = 0;
    for (const sec of perSecond.keys()) {
      let sum = 0;
      for (let k = sec; k < sec + 10; k++) sum += perSecond.get(k) ?? 0;
      if (sum > best) [best, start, end] = [sum, sec, sec + 10];
    }
  }
  const counts = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((s, i) => {
    const sec = times[i]! / 1e6;
    if (sec < start! || sec >= end!) return;
    const part = classify(s);
    if (part === 'idle') return;
    busy++;
    counts.set(part, (counts.get(part) ?? 0) + 1);
  });
  return {
    window: [start, end],
    rows: [...counts]
      .sort((a, b) => b[1] - a[1])
      .map(([part, n]) => ({ part, '%': Number(((100 * n) / busy).toFixed(1)) })),
  };
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { from: { type: 'string' }, to: { type: 'string' } },
  });
  const profile = JSON.parse(readFileSync(positionals[0]!, 'utf8')) as CpuProfile;
  const { window, rows } = splitProfile(
    profile,
    values.from === undefined ? undefined : Number(values.from),
    values.to === undefined ? undefined : Number(values.to),
  );
  console.log(`seconds ${window[0]}–${window[1]} of the profile, busy samples only`);
  console.table(rows);
}
