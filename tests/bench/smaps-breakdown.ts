/**
 * Where a process's resident memory lies, from /proc/<pid>/smaps (Linux): a WebAssembly memory
 * (PGlite's, Node's TypeScript stripper's) is an anonymous read-write mapping followed by a guard
 * reservation of several GB; a glibc malloc arena other than the main one starts on a 64 MB
 * boundary; the main malloc heap is `[heap]`; the node binary's and shared libraries' pages are
 * file-backed; what remains is mostly V8's heap (pages of 256 KB) and thread stacks.
 */
import { readFileSync } from 'node:fs';

export interface SmapsBreakdown {
  totalMB: number;
  /** resident MB of each WebAssembly memory, largest first */
  wasmMB: number[];
  /** main heap plus the other arenas (threads') */
  mallocMB: number;
  mallocArenas: number;
  nodeBinaryMB: number;
  sharedLibrariesMB: number;
  /** V8's heap and code space, thread stacks, other anonymous mappings */
  otherAnonymousMB: number;
}

interface Mapping {
  start: bigint;
  end: bigint;
  perms: string;
  name: string;
  rssKb: number;
}

const GUARD_MIN = 4n << 30n; // a WebAssembly memory's guard region is ≥ 4 GB
const ARENA_ALIGN = 64n << 20n; // glibc's HEAP_MAX_SIZE on 64-bit

function mappings(pid: number | 'self'): Mapping[] {
  const out: Mapping[] = [];
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      out.push({
        start: BigInt(`0x${head[1]}`),
        end: BigInt(`0x${head[2]}`),
        perms: head[3] ?? '',
        name: head[4] ?? '',
        rssKb: 0,
      });
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    const last = out[out.length - 1];
    if (rss && last) last.rssKb = Number(rss[1]);
  }
  return out;
}

export function smapsBreakdown(pid: number | 'self' = 'self'): SmapsBreakdown {
  const maps = mappings(pid);
  const kb = { total: 0, malloc: 0, node: 0, libs: 0, other: 0 };
  const wasm: number[] = [];
  let arenas = 0;
  maps.forEach((m, i) => {
    kb.total += m.rssKb;
    const next = maps[i + 1];
    const anonRw = m.name === '' && m.perms.startsWith('rw');
    if (anonRw && next?.perms === '---p' && next.start === m.end && next.end - next.start >= GUARD_MIN) {
      wasm.push(m.rssKb);
    } else if (m.name === '[heap]') {
      kb.malloc += m.rssKb;
      arenas++;
    } else if (anonRw && m.start % ARENA_ALIGN === 0n && m.end - m.start <= ARENA_ALIGN) {
      kb.malloc += m.rssKb;
      arenas++;
    } else if (m.name.endsWith('/node')) kb.node += m.rssKb;
    else if (m.name.startsWith('/')) kb.libs += m.rssKb;
    else kb.other += m.rssKb;
  });
  const mb = (n: number) => Math.round(n / 1024);
  return {
    totalMB: mb(kb.total),
    wasmMB: wasm.sort((a, b) => b - a).map(mb),
    mallocMB: mb(kb.malloc),
    mallocArenas: arenas,
    nodeBinaryMB: mb(kb.node),
    sharedLibrariesMB: mb(kb.libs),
    otherAnonymousMB: mb(kb.other),
  };
}
