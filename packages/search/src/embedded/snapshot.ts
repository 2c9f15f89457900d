/**
 * The embedded index as a compact binary snapshot: the one definition of the format, both ways.
 * A process that starts from a snapshot loads typed arrays and string columns as they are instead
 * of re-projecting and re-indexing every listing (issue 8: ~170 s at 1M listings).
 *
 * Layout (little-endian):
 *   'PORTALIX' · u32 format · u32 header bytes · header JSON (`SnapshotHeader`)
 *   · sections in the order `encodeSnapshot` writes them · u32 CRC-32 of every byte before it.
 * Bump `SNAPSHOT_FORMAT` with any change to what is written: an older file is then refused and
 * the caller rebuilds from the database (no migration).
 *
 * Taking a snapshot copies the index's mutable arrays synchronously (one memcpy each: a consistent
 * cut without locking), then encodes strings chunk by chunk so the caller can yield between
 * chunks. Sort orders, term entries and the write log are derived and not stored.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import type { PublicListing } from '@portal/domain';
import { Columns } from './columns.ts';
import { GramIndex } from './gram-index.ts';
import { IdentifierKeys } from './identifier-keys.ts';
import { ListingStore } from './listing-store.ts';
import {
  type PackedList,
  type Posting,
  packedPrefix,
  postingFromSorted,
  postingLength,
} from './posting-list.ts';

export const SNAPSHOT_FORMAT = 1;
const MAGIC = Buffer.from('PORTALIX', 'latin1');
/** strings per encoded chunk (one JS string per chunk on load, sliced per value) */
const STRING_CHUNK = 32_768;

/** What the caller records beside the index: checked on load before the index is trusted. */
export interface SnapshotMeta {
  /** change-feed position whose changes (and all before) the index reflects */
  position: number;
  /** identity of the system of record (a snapshot of another database is refused) */
  source: string;
  /** fingerprint of the identifier hash key (keys hashed with another secret would never match) */
  hasher: string;
}

export interface SnapshotHeader extends SnapshotMeta {
  format: number;
  createdAt: string;
  live: number;
  slots: number;
}

/** Everything of an index a snapshot holds; `EmbeddedSearchIndex` hands it out and adopts it. */
export interface IndexParts {
  grams: GramIndex;
  columns: Columns;
  listings: ListingStore;
  ids: string[];
  haystacks: string[];
  keys: IdentifierKeys;
}

export class SnapshotError extends Error {
  override name = 'SnapshotError';
}

// ---------------------------------------------------------------------------------------------
// encoding

type Typed = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

/** A consistent copy of the parts, taken synchronously; encoded later (`chunks`). */
export interface CapturedSnapshot {
  header: SnapshotHeader;
  /** encoded pieces in file order, trailer included; yield to the event loop between them */
  chunks(): Generator<Uint8Array>;
}

const bytesOf = (a: Typed) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
function u32(n: number): Uint8Array {
  const b = Buffer.allocUnsafe(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}
function* typed(a: Typed): Generator<Uint8Array> {
  yield u32(a.length);
  yield bytesOf(a);
}
function* json(value: unknown): Generator<Uint8Array> {
  const b = Buffer.from(JSON.stringify(value), 'utf8');
  yield u32(b.length);
  yield b;
}
/** Strings in chunks: count, then per chunk an encoding flag, lengths and the joined text. */
function* strings(values: readonly string[]): Generator<Uint8Array> {
  yield u32(values.length);
  for (let from = 0; from < values.length; from += STRING_CHUNK) {
    const part = values.slice(from, from + STRING_CHUNK);
    const lengths = new Uint32Array(part.length);
    for (let i = 0; i < part.length; i++) lengths[i] = part[i]!.length;
    const joined = part.join('');
    const latin1 = isLatin1(joined);
    const text = Buffer.from(joined, latin1 ? 'latin1' : 'utf16le');
    yield Uint8Array.of(latin1 ? 0 : 1);
    yield bytesOf(lengths);
    yield u32(text.length);
    yield text;
  }
}
function isLatin1(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return false;
  return true;
}

/** Optional strings (null / undefined kept apart): a kind per value, then the strings. */
function* codedValues(values: readonly (string | null | undefined)[]): Generator<Uint8Array> {
  const kinds = Uint8Array.from(values, (v) => (v === undefined ? 2 : v === null ? 1 : 0));
  yield* typed(kinds);
  yield* strings(values.map((v) => v ?? ''));
}

/**
 * The lists as they are now, cheaply: short ones copied, packed ones by reference and length — a
 * packed list is only ever appended to (any other change makes a new list, see posting-list.ts),
 * so its first `count` slots stay as they are while the snapshot is encoded. Dead slots travel
 * along and are dropped on load (the copied `alive` column says which).
 */
function capturePostings(map: Map<number, Posting>) {
  const keys = new Uint32Array(map.size);
  const lengths = new Uint32Array(map.size);
  const held: (number | Uint32Array | PackedList)[] = [];
  let total = 0;
  let i = 0;
  for (const [key, p] of map) {
    keys[i] = key;
    const n = postingLength(p);
    lengths[i++] = n;
    total += n;
    held.push(p instanceof Uint32Array ? p.slice(1, n + 1) : p);
  }
  return { keys, lengths, held, total };
}

/** The captured lists' slots, one array in the file, encoded a million slots per chunk. */
function* postingSlots(c: ReturnType<typeof capturePostings>): Generator<Uint8Array> {
  yield u32(c.total);
  const chunk = 1 << 20;
  let buf = new Uint32Array(Math.min(c.total, chunk));
  let n = 0;
  for (let i = 0; i < c.held.length; i++) {
    const len = c.lengths[i]!;
    if (n + len > buf.length) {
      if (n > 0) yield bytesOf(buf.subarray(0, n));
      buf = new Uint32Array(Math.max(chunk, len));
      n = 0;
    }
    const h = c.held[i]!;
    if (typeof h === 'number') buf[n] = h;
    else if (h instanceof Uint32Array) buf.set(h, n);
    else packedPrefix(h, len, buf.subarray(n));
    n += len;
  }
  if (n > 0) yield bytesOf(buf.subarray(0, n));
}

/**
 * Copies what the snapshot needs from `parts` (synchronously: call it between two writes to the
 * index) and returns the encoder of that copy.
 */
export function captureSnapshot(parts: IndexParts, meta: SnapshotMeta): CapturedSnapshot {
  const { columns: c, listings: l, grams: g } = parts;
  const n = c.length;
  const header: SnapshotHeader = {
    format: SNAPSHOT_FORMAT,
    ...meta,
    createdAt: new Date().toISOString(),
    live: countAlive(c.alive, n),
    slots: n,
  };
  const held: Typed[] = [c.alive, c.kind, c.category, c.livelihood, c.region, c.court];
  held.push(c.nameLength, c.listedDay, c.amount, c.version, c.combo);
  const cols = held.map((a) => a.slice(0, n));
  const combos = c.combos;
  const comboTable = [combos.kind, combos.category, combos.livelihood, combos.region, combos.court].map((a) =>
    Uint32Array.from(a),
  );
  const regions = c.regions.values.slice();
  const courts = c.courts.values.slice();
  const ids = parts.ids.slice(0, n);
  const haystacks = parts.haystacks.slice(0, n);
  const texts = l.texts.slice(0, n);
  const present = l.present.slice(0, n);
  const flags = l.flags.slice(0, n);
  const coded = l.coded.map((a) => a.slice(0, n));
  const numbers = l.numbers.map((a) => a.slice(0, n));
  const small = l.small.map((a) => a.slice(0, n));
  const codeValues = l.codes.map((v) => v.values.slice());
  const whole = [...l.whole].map(([slot, doc]) => [slot, undefinedAsMarker(doc)]);
  const keys = new Uint8Array(32 * n);
  keys.set(parts.keys.bytes.subarray(0, 32 * n));
  const hasKey = new Uint8Array(n);
  hasKey.set(parts.keys.has.subarray(0, n));
  for (let slot = 0; slot < n; slot++) if (c.alive[slot] !== 1) hasKey[slot] = 0;
  const charIds = g.charIds.slice();
  const nextCharId = g.nextCharId;
  const bigrams = capturePostings(g.bigrams);
  const singles = capturePostings(g.singles);

  function* body(): Generator<Uint8Array> {
    const head = Buffer.from(JSON.stringify(header), 'utf8');
    yield MAGIC;
    yield u32(SNAPSHOT_FORMAT);
    yield u32(head.length);
    yield head;
    yield u32(n);
    for (const a of cols) yield* typed(a);
    for (const a of comboTable) yield* typed(a);
    yield* strings(regions);
    yield* strings(courts);
    yield* strings(ids);
    yield* strings(haystacks);
    yield* strings(texts);
    yield* typed(present);
    yield* typed(flags);
    for (const a of coded) {
      yield Uint8Array.of(a.BYTES_PER_ELEMENT);
      yield* typed(a);
    }
    for (const a of numbers) yield* typed(a);
    for (const a of small) yield* typed(a);
    for (const v of codeValues) yield* codedValues(v);
    yield* json(whole);
    yield* typed(hasKey);
    yield* typed(keys);
    yield* typed(charIds);
    yield u32(nextCharId);
    for (const p of [bigrams, singles]) {
      yield* typed(p.keys);
      yield* typed(p.lengths);
      yield* postingSlots(p);
    }
  }
  return {
    header,
    *chunks() {
      let crc = 0;
      for (const chunk of body()) {
        crc = crc32(chunk, crc);
        yield chunk;
      }
      yield u32(crc);
    },
  };
}

function countAlive(alive: Uint8Array, n: number): number {
  let live = 0;
  for (let i = 0; i < n; i++) live += alive[i]!;
  return live;
}

const UNDEFINED = { $undefined: true };
function undefinedAsMarker(doc: PublicListing): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) out[k] = v === undefined ? UNDEFINED : v;
  return out;
}
function markerAsUndefined(o: Record<string, unknown>): PublicListing {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o))
    out[k] = v !== null && typeof v === 'object' && '$undefined' in v ? undefined : v;
  return out as unknown as PublicListing;
}

// ---------------------------------------------------------------------------------------------
// decoding

/**
 * Reads a file front to back through a window, so a snapshot of several GB never sits in memory
 * whole; large arrays are read straight into their final buffers. Keeps the running CRC-32.
 */
class FileReader {
  private window = Buffer.alloc(1 << 20);
  private pos = 0;
  private end = 0;
  private consumed = 0;
  private crc = 0;
  private readonly fd: number;
  readonly size: number;
  constructor(fd: number, size: number) {
    this.fd = fd;
    this.size = size;
  }

  /** bytes of the file not read yet, the CRC trailer included */
  get remaining(): number {
    return this.size - this.consumed;
  }

  bytes(n: number, into?: Uint8Array): Uint8Array {
    if (n > this.remaining - 4 || n < 0) throw new SnapshotError('truncated snapshot');
    const out = into ?? Buffer.allocUnsafe(n);
    let filled = 0;
    const buffered = Math.min(n, this.end - this.pos);
    if (buffered > 0) {
      out.set(this.window.subarray(this.pos, this.pos + buffered));
      this.pos += buffered;
      filled = buffered;
    }
    if (filled < n && n - filled >= this.window.length) {
      // large: straight into the target
      while (filled < n) {
        const r = readSync(this.fd, out, filled, n - filled, null);
        if (r === 0) throw new SnapshotError('truncated snapshot');
        filled += r;
      }
    }
    while (filled < n) {
      this.refill();
      const take = Math.min(n - filled, this.end - this.pos);
      out.set(this.window.subarray(this.pos, this.pos + take), filled);
      this.pos += take;
      filled += take;
    }
    this.consumed += n;
    const view = out.subarray(0, n);
    this.crc = crc32(view, this.crc);
    return view;
  }

  u32(): number {
    const b = this.bytes(4);
    return (b[0]! | (b[1]! << 8) | (b[2]! << 16) | (b[3]! << 24)) >>> 0;
  }

  /** Checks the trailer against every byte read before it. */
  verify(): void {
    const expected = this.crc;
    if (this.remaining !== 4) throw new SnapshotError('snapshot has trailing bytes');
    const b = Buffer.alloc(4);
    let got = 0;
    while (got < 4) {
      if (this.end > this.pos) {
        b[got++] = this.window[this.pos++]!;
        continue;
      }
      this.refill();
    }
    if (b.readUInt32LE(0) !== expected) throw new SnapshotError('snapshot checksum mismatch');
  }

  private refill(): void {
    if (this.pos < this.end) return;
    this.pos = 0;
    this.end = readSync(this.fd, this.window, 0, this.window.length, null);
    if (this.end === 0) throw new SnapshotError('truncated snapshot');
  }
}

function readTyped<T extends Typed>(r: FileReader, make: (n: number) => T, expected?: number): T {
  const n = r.u32();
  if (expected !== undefined && n !== expected) throw new SnapshotError('snapshot column length mismatch');
  const out = make(n);
  if (out.byteLength > r.remaining) throw new SnapshotError('truncated snapshot');
  r.bytes(out.byteLength, bytesOf(out));
  return out;
}

function readStrings(r: FileReader): string[] {
  const count = r.u32();
  if (count > r.remaining) throw new SnapshotError('truncated snapshot');
  const out = new Array<string>(count);
  for (let from = 0; from < count; from += STRING_CHUNK) {
    const k = Math.min(STRING_CHUNK, count - from);
    const latin1 = r.bytes(1)[0] === 0;
    const lengths = new Uint32Array(k);
    r.bytes(4 * k, bytesOf(lengths));
    const size = r.u32();
    const text = Buffer.from(r.bytes(size)).toString(latin1 ? 'latin1' : 'utf16le');
    let at = 0;
    for (let i = 0; i < k; i++) {
      const len = lengths[i]!;
      out[from + i] = text.slice(at, at + len);
      at += len;
    }
    if (at !== text.length) throw new SnapshotError('snapshot string chunk mismatch');
  }
  return out;
}

/** Lists without the dead slots they carried (a list left with none is dropped). */
function readPostings(r: FileReader, into: Map<number, Posting>, alive: Uint8Array): void {
  const keys = readTyped(r, (n) => new Uint32Array(n));
  const lengths = readTyped(r, (n) => new Uint32Array(n), keys.length);
  const slots = readTyped(r, (n) => new Uint32Array(n));
  let at = 0;
  for (let i = 0; i < keys.length; i++) {
    const len = lengths[i]!;
    if (len === 0 || at + len > slots.length) throw new SnapshotError('snapshot posting list mismatch');
    const list = slots.subarray(at, at + len);
    let live = 0;
    for (let j = 0; j < len; j++) if (alive[list[j]!] === 1) list[live++] = list[j]!;
    if (live > 0) into.set(keys[i]!, postingFromSorted(list, live)!);
    at += len;
  }
  if (at !== slots.length) throw new SnapshotError('snapshot posting list mismatch');
}

/** Reads only the header (cheap: to decide whether the snapshot can be used at all). */
export function readSnapshotHeader(path: string): SnapshotHeader {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(16);
    if (readSync(fd, head, 0, 16, 0) < 16 || !head.subarray(0, 8).equals(MAGIC))
      throw new SnapshotError('not a search index snapshot');
    const format = head.readUInt32LE(8);
    if (format !== SNAPSHOT_FORMAT)
      throw new SnapshotError(`snapshot format ${format}, expected ${SNAPSHOT_FORMAT}`);
    const length = head.readUInt32LE(12);
    if (length > 1 << 20) throw new SnapshotError('snapshot header too long');
    const json = Buffer.alloc(length);
    if (readSync(fd, json, 0, length, 16) < length) throw new SnapshotError('truncated snapshot');
    return JSON.parse(json.toString('utf8')) as SnapshotHeader;
  } finally {
    closeSync(fd);
  }
}

/**
 * Decodes a snapshot file into fresh parts; throws `SnapshotError` when it is not one, of another
 * format, truncated or corrupt (CRC-32 over the whole file, checked before anything is returned).
 */
export function readSnapshot(path: string, size: number): { header: SnapshotHeader; parts: IndexParts } {
  const fd = openSync(path, 'r');
  try {
    const r = new FileReader(fd, size);
    if (!Buffer.from(r.bytes(8)).equals(MAGIC)) throw new SnapshotError('not a search index snapshot');
    const format = r.u32();
    if (format !== SNAPSHOT_FORMAT)
      throw new SnapshotError(`snapshot format ${format}, expected ${SNAPSHOT_FORMAT}`);
    const header = JSON.parse(Buffer.from(r.bytes(r.u32())).toString('utf8')) as SnapshotHeader;
    const n = r.u32();
    if (n !== header.slots) throw new SnapshotError('snapshot slot count mismatch');

    const columns = new Columns();
    const u8 = (k: number) => new Uint8Array(k);
    columns.alive = readTyped(r, u8, n);
    columns.kind = readTyped(r, u8, n);
    columns.category = readTyped(r, u8, n);
    columns.livelihood = readTyped(r, u8, n);
    columns.region = readTyped(r, (k) => new Uint16Array(k), n);
    columns.court = readTyped(r, (k) => new Uint16Array(k), n);
    columns.nameLength = readTyped(r, (k) => new Uint16Array(k), n);
    columns.listedDay = readTyped(r, (k) => new Int32Array(k), n);
    columns.amount = readTyped(r, (k) => new Float64Array(k), n);
    columns.version = readTyped(r, (k) => new Float64Array(k), n);
    columns.combo = readTyped(r, (k) => new Uint32Array(k), n);
    columns.capacity = n;
    columns.length = n;
    const [kind, category, livelihood, region, court] = [0, 1, 2, 3, 4].map(() =>
      readTyped(r, (k) => new Uint32Array(k)),
    );
    for (let id = 0; id < kind!.length; id++)
      if (columns.combos.idOf(kind![id]!, category![id]!, livelihood![id]!, region![id]!, court![id]!) !== id)
        throw new SnapshotError('snapshot combination table mismatch');
    for (const v of readStrings(r)) columns.regions.idOf(v);
    for (const v of readStrings(r)) columns.courts.idOf(v);

    const ids = readStrings(r);
    const haystacks = readStrings(r);
    const listings = new ListingStore();
    listings.texts = readStrings(r);
    if (ids.length !== n || haystacks.length !== n || listings.texts.length !== n)
      throw new SnapshotError('snapshot column length mismatch');
    listings.present = readTyped(r, (k) => new Uint16Array(k), n);
    listings.flags = readTyped(r, u8, n);
    listings.coded = listings.coded.map(() => {
      const width = r.bytes(1)[0];
      if (width !== 2 && width !== 4) throw new SnapshotError('snapshot column width mismatch');
      return width === 2
        ? readTyped(r, (k) => new Uint16Array(k), n)
        : readTyped(r, (k) => new Uint32Array(k), n);
    });
    listings.numbers = listings.numbers.map(() => readTyped(r, (k) => new Float64Array(k), n));
    listings.small = listings.small.map(() => readTyped(r, u8, n));
    for (const codes of listings.codes) {
      const kinds = readTyped(r, u8);
      const values = readStrings(r);
      if (values.length !== kinds.length) throw new SnapshotError('snapshot value list mismatch');
      values.forEach((v, i) => {
        if (codes.idOf(kinds[i] === 2 ? undefined : kinds[i] === 1 ? null : v) !== i)
          throw new SnapshotError('snapshot value list mismatch');
      });
    }
    const wholeBytes = r.u32();
    const whole = JSON.parse(Buffer.from(r.bytes(wholeBytes)).toString('utf8')) as [
      number,
      Record<string, unknown>,
    ][];
    for (const [slot, doc] of whole) listings.whole.set(slot, markerAsUndefined(doc));

    const hasKey = readTyped(r, u8, n);
    const keyBytes = readTyped(r, u8, 32 * n);
    for (let slot = 0; slot < n; slot++) if (columns.alive[slot] !== 1) hasKey[slot] = 0;
    const keys = IdentifierKeys.fromArrays(keyBytes, hasKey);

    const grams = new GramIndex();
    const charIds = readTyped(r, (k) => new Int32Array(k), 65536);
    grams.charIds.set(charIds);
    grams.nextCharId = r.u32();
    readPostings(r, grams.bigrams, columns.alive);
    readPostings(r, grams.singles, columns.alive);
    r.verify();
    return { header, parts: { grams, columns, listings, ids, haystacks, keys } };
  } finally {
    closeSync(fd);
  }
}

// ---------------------------------------------------------------------------------------------
// files

/**
 * Writes a captured snapshot to `path` atomically: a temporary file beside it, flushed to disk,
 * then renamed over the old one (a crash leaves the old snapshot or the new one, never half of
 * one). Yields to the event loop between chunks so requests keep being served. Returns the bytes written.
 */
export async function writeSnapshotFile(captured: CapturedSnapshot, path: string): Promise<number> {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  const file = await open(tmp, 'w', 0o600);
  let bytes = 0;
  try {
    for (const chunk of captured.chunks()) {
      await file.write(chunk);
      bytes += chunk.byteLength;
    }
    await file.sync();
  } catch (error) {
    await file.close().catch(() => {});
    await rm(tmp, { force: true });
    throw error;
  }
  await file.close();
  try {
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  return bytes;
}
