/**
 * Where a server's CPU goes under the tip bench: reads the `.cpuprofile` files the bench writes
 * with `BENCH_TIPS_CPU_PROF=dir` and prints the sampled time two ways.
 * - self time by module (the code that was on the CPU: node:http, hono, zod, postgres-js, …);
 * - inclusive time by job (the nearest frame of ours on the stack: the tip route, the batch
 *   writer, the notification worker, …), so that "who asked for it" is visible too.
 * Samples before the first tip (start-up) are left out. Percentages are of the busy samples (idle and "(program)" left out); with `--tips N` the
 * milliseconds per tip are printed as well.
 * `node tests/bench/tips-cpuprofile.ts dir-or-file… [--tips N]`
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type CpuProfile, profileTree } from './cpu-profile-tree.ts';

/** Module of a frame, by its script URL (first match wins). */
const MODULES: [RegExp, string][] = [
  [/node_modules\/zod|zod-openapi/, 'zod validation'],
  [/node_modules\/@hono\/node-server/, 'hono node-server adapter'],
  [/node_modules\/hono\//, 'hono'],
  [/node_modules\/postgres\//, 'postgres-js'],
  [/node_modules\/@electric-sql\/pglite/, 'pglite'],
  [/node_modules\/drizzle-orm/, 'drizzle-orm'],
  [/node_modules\/pino|node_modules\/fast-redact|sonic-boom/, 'pino logging'],
  [/apps\/api\/src\/logger\.ts/, 'pino logging'],
  [/features\/tips\/notifications\//, 'outbox / webhook delivery (ours)'],
  [/features\/tips\//, 'tip intake (ours)'],
  [/apps\/api\/src\/http\/rate-limit|http\/client-identity/, 'rate limit / client identity'],
  [/apps\/api\/src\/http\//, 'http middleware (ours)'],
  [/packages\/db\//, 'packages/db'],
  [/packages\/domain\//, 'packages/domain'],
  [/packages\/contract\//, 'packages/contract'],
  [/apps\/api\/src\//, 'api other (ours)'],
  [/node:internal\/crypto|node:crypto/, 'node:crypto'],
  [
    /node:_http|node:http|node:internal\/http|node:net|node:internal\/net|node:internal\/stream_base|node:internal\/streams|node:stream|node:events|node:internal\/dns|node:dns|node:internal\/timers|node:timers/,
    'node:http / net / streams',
  ],
  [/node:internal\/deps\/undici|undici/, 'undici (fetch)'],
  [/^node:/, 'node other'],
  [/node_modules\//, 'other packages'],
];

/** Jobs, by the nearest matching frame on the stack (innermost first). */
const JOBS: [RegExp, string][] = [
  [/features\/tips\/notifications\//, 'notification worker (claim, POST, mark)'],
  [/tip-batch-(writer|sql)\.ts|registration-numbers\.ts/, 'batch writer (transaction)'],
  [/tip-intake\.ts/, 'submitTip (prepare: seal, mac, queue)'],
  [/features\/tips\/public-routes\.ts/, 'tip route handler'],
  [/zod|validation-hook/, 'zod validation'],
  [/http\/rate-limit|client-identity|tips-services/, 'rate limit / client identity'],
  [/apps\/api\/src\/http\//, 'other http middleware'],
  [/node_modules\/hono\/|@hono\/node-server/, 'hono / node-server (routing, req/res)'],
  [/node_modules\/postgres\//, 'postgres-js (outside our frames)'],
  [/node_modules\/@electric-sql\/pglite/, 'pglite (outside our frames)'],
];

/** jobs that only run once tips arrive: the first of their samples ends the start-up */
const TIP_JOBS = new Set([
  'tip route handler',
  'submitTip (prepare: seal, mac, queue)',
  'batch writer (transaction)',
]);

const moduleOf = (url: string, fn: string) => {
  if (!url) return fn.startsWith('(') ? fn : `native: ${fn || '(anonymous)'}`;
  return MODULES.find(([re]) => re.test(url))?.[1] ?? 'other';
};

function filesOf(paths: string[]): string[] {
  return paths.flatMap((p) =>
    statSync(p).isDirectory()
      ? readdirSync(p)
          .filter((f) => f.endsWith('.cpuprofile'))
          .map((f) => join(p, f))
      : [p],
  );
}

export function analyse(paths: string[]) {
  const self = new Map<string, number>();
  const jobs = new Map<string, number>();
  let busy = 0;
  for (const file of filesOf(paths)) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    const { byId, parent } = profileTree(profile);
    const jobOfNode = new Map<number, string>();
    const jobOf = (id: number): string => {
      const known = jobOfNode.get(id);
      if (known) return known;
      let job = 'other';
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const url = byId.get(at)!.callFrame.url;
        const hit = url ? JOBS.find(([re]) => re.test(url)) : undefined;
        if (hit) {
          job = hit[1];
          break;
        }
      }
      jobOfNode.set(id, job);
      return job;
    };
    // start-up (migrations, the site, the search index) is left out: from the first tip on
    const first = profile.samples.findIndex((id) => TIP_JOBS.has(jobOf(id)));
    for (const [k, id] of profile.samples.entries()) {
      if (k < first) continue;
      const node = byId.get(id)!;
      const us = profile.timeDeltas[k + 1] ?? 0; // a delta is the time until the next sample
      const mod = moduleOf(node.callFrame.url, node.callFrame.functionName);
      if (mod === '(idle)' || mod === '(program)' || mod === '(root)') continue;
      busy += us;
      self.set(mod, (self.get(mod) ?? 0) + us);
      const job = mod === '(garbage collector)' ? 'garbage collector' : jobOf(id);
      jobs.set(job, (jobs.get(job) ?? 0) + us);
    }
  }
  return { busyMs: busy / 1000, self, jobs };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const tipsAt = args.indexOf('--tips');
  const tipCount = tipsAt >= 0 ? Number(args[tipsAt + 1]) : 0;
  const paths = args.filter((_, i) => i !== tipsAt && i !== tipsAt + 1);
  const { busyMs, self, jobs } = analyse(paths);
  const table = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([name, us]) => ({
        name,
        pct: Number(((us / 1000 / busyMs) * 100).toFixed(1)),
        ...(tipCount > 0 ? { msPerTip: Number((us / 1000 / tipCount).toFixed(3)) } : {}),
      }));
  console.log(
    `busy ${busyMs.toFixed(0)} ms${tipCount ? `, ${(busyMs / tipCount).toFixed(3)} ms per tip` : ''}`,
  );
  console.log('self time by module');
  console.table(table(self));
  console.log('inclusive time by job (nearest frame of ours on the stack)');
  console.table(table(jobs));
}
