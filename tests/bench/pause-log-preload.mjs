/**
 * What stops the whole server process, for `http-search.bench.ts --pauses <dir>`: loaded into the
 * server with `NODE_OPTIONS=--import=<this file>` and PAUSE_LOG_DIR set, it records every garbage
 * collection (perf_hooks 'gc' entries: kind, duration) and every stretch in which a 10 ms timer
 * fired more than 20 ms late (the event loop was held), with the CPU time the process used
 * meanwhile (about the stall's length: a long task or a GC; far less: the process was not running,
 * e.g. not scheduled), each with its wall-clock time, and writes `pauses-<pid>.json` there when the process exits. Plain JavaScript,
 * like cpu-profile-preload.mjs: npm's own Node loads it too before it sees it has nothing to do.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PerformanceObserver, performance } from 'node:perf_hooks';

const dir = process.env.PAUSE_LOG_DIR;
if (dir && process.argv[1]?.endsWith('apps/api/src/main.ts')) {
  const wall = (t) => Math.round(performance.timeOrigin + t);
  const gcs = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      gcs.push({ at: wall(e.startTime), ms: Number(e.duration.toFixed(2)), kind: e.detail?.kind });
  }).observe({ entryTypes: ['gc'] });
  const late = [];
  let expected = performance.now() + 10;
  let cpu = process.cpuUsage();
  setInterval(() => {
    const now = performance.now();
    const used = process.cpuUsage(cpu);
    cpu = process.cpuUsage();
    if (now - expected > 20)
      late.push({
        at: wall(expected),
        ms: Number((now - expected).toFixed(1)),
        // CPU ms since the previous tick (which was due 10 ms before `expected`)
        cpuMs: Number(((used.user + used.system) / 1000).toFixed(1)),
      });
    expected = now + 10;
  }, 10).unref();
  process.on('exit', () => {
    writeFileSync(join(dir, `pauses-${process.pid}.json`), JSON.stringify({ exitAt: Date.now(), gcs, late }));
  });
}
