import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contractListings, WANG_WEI_ID } from '../contract-fixtures.ts';
import { createIdentifierHasher } from '../identifier.ts';
import type { SearchDocument, SearchQuery } from '../search-index.ts';
import { EmbeddedSearchIndex } from './embedded-search-index.ts';
import { readSnapshotHeader, SNAPSHOT_FORMAT, SnapshotError, writeSnapshotFile } from './snapshot.ts';

const hash = createIdentifierHasher('snapshot-test-secret-0123456789');
const fixtures = contractListings(hash);
const META = { position: 42, source: 'test-db', hasher: 'probe' };
const CHARS = '王李伟明建筑海南金执琼公司1234567890';

function docs(count: number): SearchDocument[] {
  let a = 7;
  const rand = () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
  const text = (n: number) =>
    Array.from({ length: n }, () => CHARS[Math.floor(rand() * CHARS.length)]).join('');
  const templates = Object.values(fixtures);
  return Array.from({ length: count }, (_, i) => {
    const t = templates[i % templates.length]!;
    return {
      ...t,
      id: `S${String(i).padStart(5, '0')}`,
      version: 1 + (i % 3),
      name: text(2 + (i % 4)),
      caseNo: `（2024）琼${text(4)}号`,
      amountOwedFen: Math.floor(rand() * 1e7),
      region: ['海口市', '三亚市', '儋州市'][i % 3]!,
    };
  });
}

const QUERIES: SearchQuery[] = [
  { q: '王' },
  { q: '公司', sort: 'amount:desc', pageSize: 50 },
  { q: '执1', filters: { region: '三亚市' } },
  { q: '', sort: 'listedAt:asc', page: 2 },
  { q: WANG_WEI_ID },
  { q: '琼1', filters: { kind: 'org' }, sort: 'amount:asc' },
  { q: '(2024)琼1' }, // answered from digit tokens, which a load rebuilds
  { q: '2024琼', pageSize: 50 },
];

async function answers(index: EmbeddedSearchIndex) {
  return Promise.all(QUERIES.map((q) => index.search(q)));
}

async function builtIndex() {
  const index = new EmbeddedSearchIndex({ hashIdentifier: hash, broadQueryMin: 5 });
  await index.upsert([...Object.values(fixtures), ...docs(600)]);
  await index.remove(['S00003', 'S00100', 'S00101']); // dead slots travel with the snapshot
  await index.upsert([{ ...docs(1)[0]!, name: '王新名', version: 9 }]); // an update in place
  await answers(index); // term entries and sort orders exist (they are not part of the file)
  return index;
}

async function snapshotFile(index: EmbeddedSearchIndex): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'snapshot-test-')), 'search-index.snapshot');
  await writeSnapshotFile(index.captureSnapshot(META), path);
  return path;
}

function load(path: string, into = new EmbeddedSearchIndex({ hashIdentifier: hash, broadQueryMin: 5 })) {
  return { index: into, header: into.loadSnapshot(path, statSync(path).size) };
}

describe('search index snapshot', () => {
  it('restores every listing, key and answer, and the restored index keeps taking writes', async () => {
    const original = await builtIndex();
    const path = await snapshotFile(original);
    expect(readdirSync(join(path, '..'))).toEqual(['search-index.snapshot']); // no temporary file left
    const { index: restored, header } = load(path);
    expect(header).toMatchObject({ ...META, format: SNAPSHOT_FORMAT, live: await original.count() });
    expect(readSnapshotHeader(path)).toEqual(header);
    expect(restored.storedEntries()).toEqual(original.storedEntries());
    expect(await restored.listVersions()).toEqual(await original.listVersions());
    expect(await answers(restored)).toEqual(await answers(original));
    expect((await restored.search({ q: WANG_WEI_ID })).total).toBeGreaterThan(0);

    for (const index of [original, restored]) {
      await index.remove(['S00010', fixtures.wangWei.id]);
      await index.upsert([
        { ...docs(20)[19]!, name: '李后来', version: 5 },
        { ...docs(700)[699]!, name: '王新增' },
      ]);
    }
    expect(await answers(restored)).toEqual(await answers(original));
    expect((await restored.search({ q: '王新增' })).hits.map((h) => h.id)).toEqual(['S00699']);
    expect(await restored.get('S00010')).toBeNull();
  });

  it('refuses a corrupt, truncated or other-format file and leaves the index as it was', async () => {
    const path = await snapshotFile(await builtIndex());
    const bytes = readFileSync(path);
    const target = new EmbeddedSearchIndex({ hashIdentifier: hash });
    await target.upsert([fixtures.wangWei]);
    const variants: [string, Buffer, RegExp][] = [];
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(flipped.length * 0.6)]! ^= 0x40;
    variants.push(['flipped byte', flipped, /checksum|mismatch|truncated/]);
    variants.push(['truncated', bytes.subarray(0, bytes.length - 1000), /truncated|mismatch/]);
    const otherFormat = Buffer.from(bytes);
    otherFormat.writeUInt32LE(SNAPSHOT_FORMAT + 1, 8);
    variants.push(['other format', otherFormat, /format/]);
    variants.push(['not a snapshot', Buffer.from('{"hello":"world"}'), /not a search index snapshot/]);
    for (const [what, content, message] of variants) {
      const bad = `${path}.${what.replace(/ /g, '-')}`;
      writeFileSync(bad, content);
      expect(() => target.loadSnapshot(bad, content.length), what).toThrow(SnapshotError);
      expect(() => target.loadSnapshot(bad, content.length), what).toThrow(message);
      expect(await target.count(), what).toBe(1);
      expect((await target.get(fixtures.wangWei.id))?.name, what).toBe(fixtures.wangWei.name);
    }
    expect(() => readSnapshotHeader(`${path}.other-format`)).toThrow(/format/);
  });

  it('holds the index as it was when captured, whatever is written while it is encoded', async () => {
    const index = await builtIndex();
    const before = index.storedEntries();
    const answersBefore = await answers(index);
    const captured = index.captureSnapshot(META);
    // appends to packed lists, an in-place text change, removals: all after the capture
    await index.upsert(
      docs(900)
        .slice(600)
        .map((d) => ({ ...d, name: `王${d.name}` })),
    );
    await index.upsert([{ ...docs(30)[29]!, name: '全新名字', version: 7 }]);
    await index.remove(['S00001', 'S00002', fixtures.wangWei.id]);
    const path = join(mkdtempSync(join(tmpdir(), 'snapshot-test-')), 'search-index.snapshot');
    await writeSnapshotFile(captured, path);
    const { index: restored } = load(path);
    expect(restored.storedEntries()).toEqual(before);
    expect(await answers(restored)).toEqual(answersBefore);
  });

  it('replaces an older snapshot file atomically', async () => {
    const index = await builtIndex();
    const path = await snapshotFile(index);
    await index.remove(['S00020']);
    await writeSnapshotFile(index.captureSnapshot({ ...META, position: 43 }), path);
    const { index: restored, header } = load(path);
    expect(header.position).toBe(43);
    expect(await restored.get('S00020')).toBeNull();
    expect(readdirSync(join(path, '..'))).toEqual(['search-index.snapshot']);
  });
});
