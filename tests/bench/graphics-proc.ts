/**
 * Resource use of this process's child process tree (headless Chromium is a browser process plus
 * renderer, GPU and utility processes), read from /proc on Linux.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux
const PAGE_KB = 4;

interface ProcStat {
  pid: number;
  ppid: number;
  cpuMs: number;
  rssKb: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after the parenthesised command name; it may contain spaces
    const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const num = (i: number) => Number(rest[i] ?? 0);
    return {
      pid,
      ppid: num(1),
      cpuMs: ((num(11) + num(12)) * 1000) / TICKS_PER_SECOND,
      rssKb: num(21) * PAGE_KB,
    };
  } catch {
    return null;
  }
}

/** CPU time (ms, user+system) and resident memory (kB) summed over the descendants of `root`. */
export function descendantsUsage(root = process.pid): { cpuMs: number; rssKb: number } {
  const all = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((d) => readStat(Number(d)))
    .filter((s): s is ProcStat => s !== null);
  const inTree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of all) {
      if (inTree.has(s.ppid) && !inTree.has(s.pid)) {
        inTree.add(s.pid);
        grew = true;
      }
    }
  }
  inTree.delete(root);
  return all
    .filter((s) => inTree.has(s.pid))
    .reduce((acc, s) => ({ cpuMs: acc.cpuMs + s.cpuMs, rssKb: acc.rssKb + s.rssKb }), { cpuMs: 0, rssKb: 0 });
}

/** CPU time of this process, all threads (resvg's worker and the zlib pool included), in ms. */
export function selfCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** 1-minute load average, to tell a reader how contended the machine was. */
export function loadAverage(): number {
  try {
    return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
  } catch {
    return Number.NaN;
  }
}
