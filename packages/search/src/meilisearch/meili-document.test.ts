import { describe, expect, it } from 'vitest';
import { CONTRACT_SECRET, contractListings, SENTINEL_ID } from '../contract-fixtures.ts';
import { createIdentifierHasher } from '../identifier.ts';
import { normalizeForSearch } from '../normalize.ts';
import { decodeToken, SENTINEL, TOKEN_PATTERN } from './gram-tokens.ts';
import { type MeiliDocument, toMeiliDocument } from './meili-document.ts';
import { MeiliOracle, parseAdapterQuery } from './meili-oracle.ts';
import { encodeQuery } from './meili-query-text.ts';
import { SEARCHABLE_FIELDS } from './meili-settings.ts';

const hash = createIdentifierHasher(CONTRACT_SECRET);
const fixtures = contractListings(hash);

/** Every word of the searchable fields, as Meilisearch splits them (spaces, array items). */
function searchableWords(doc: MeiliDocument): string[] {
  return SEARCHABLE_FIELDS.flatMap((field) => {
    const value = doc[field];
    const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
    return items.flatMap((item) => String(item).split(' '));
  });
}

/** The text a space-separated run of gram tokens stands for (bigrams overlap by one unit). */
function decodeRun(run: string): string {
  const parts = run.split(' ').map((t) => decodeToken(t) ?? '');
  if (run.startsWith('u')) return parts.join('');
  return parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('');
}

describe('Meilisearch document encoder', () => {
  it('uses only opaque lower-case ASCII words of the token alphabet', () => {
    for (const listing of Object.values(fixtures)) {
      const words = searchableWords(toMeiliDocument(listing));
      expect(words.length).toBeGreaterThan(0);
      for (const word of words) expect(word).toMatch(TOKEN_PATTERN);
    }
  });

  it('encodes the normalised name and the other fields apart, other fields after a sentinel', () => {
    const doc = toMeiliDocument({ ...fixtures.sanyaDecor, name: '三亞建築裝飾有限公司' });
    expect(decodeRun(doc.gName)).toBe('三亚建筑装饰有限公司');
    expect(decodeRun(doc.uName)).toBe('三亚建筑装饰有限公司');
    expect(doc.nameLength).toBe(10);
    expect(doc.gRest[0]).toBe(SENTINEL);
    expect(doc.uRest[0]).toBe(SENTINEL);
    expect(doc.gRest.slice(1).map(decodeRun)).toEqual([
      '2020琼0271执9号',
      '王伟',
      normalizeForSearch(fixtures.sanyaDecor.uscc!),
    ]);
    expect(doc.uRest.slice(1).map(decodeRun)).toEqual(doc.gRest.slice(1).map(decodeRun));
    expect(doc.name).toBe('三亞建築裝飾有限公司'); // stored as given, returned as given
  });

  it('art. 6 ¶1 (一): stores the organisation code and role, and makes the code searchable (shape v4)', () => {
    const doc = toMeiliDocument({
      ...fixtures.sanyaDecor,
      uscc: '',
      orgCode: 'D2143569X',
      legalRepresentativeRole: '负责人',
    });
    expect(doc).toMatchObject({ orgCode: 'D2143569X', legalRepresentativeRole: '负责人' });
    expect(doc.gRest.slice(1).map(decodeRun)).toEqual(['2020琼0271执9号', '王伟', 'd2143569x']);
    const oracle = new MeiliOracle([doc]);
    const found = (q: string) =>
      oracle.search(parseAdapterQuery(encodeQuery(normalizeForSearch(q)).q)).length;
    expect(found('D2143569X')).toBe(1);
    expect(found('D2143569Y')).toBe(0);
  });

  it('keeps a character outside the BMP as two code units, and finds it by itself or inside a name', () => {
    const doc = toMeiliDocument({ ...fixtures.wangWei, name: '𠮷王伟' });
    expect(doc.uName.split(' ')).toEqual(['ud842', 'udfb7', 'u738b', 'u4f1f']);
    expect(doc.gName.split(' ')[0]).toBe('bd842dfb7');
    expect(doc.nameLength).toBe(4);
    const oracle = new MeiliOracle([doc]);
    for (const q of ['𠮷', '𠮷王', '𠮷王伟']) {
      expect(oracle.search(parseAdapterQuery(encodeQuery(normalizeForSearch(q)).q))).toHaveLength(1);
    }
    expect(oracle.search(parseAdapterQuery(encodeQuery('王𠮷').q))).toHaveLength(0);
  });

  it('leaks no identifier digits: tokens spell exactly the public fields, never the ID number or birth date', () => {
    const listing = {
      ...fixtures.zhouMin,
      identifierKey: hash(SENTINEL_ID),
      idNumberMasked: '4601031980****1235',
    };
    const doc = toMeiliDocument(listing);
    const spelled = [doc.gName, ...doc.gRest.slice(1), doc.uName, ...doc.uRest.slice(1)].map(decodeRun);
    const publicTexts = [listing.name, listing.caseNo, listing.idNumberMasked].map(normalizeForSearch);
    for (const text of spelled) expect(publicTexts).toContain(text);
    const json = JSON.stringify(doc);
    expect(json).not.toContain(SENTINEL_ID);
    expect(json).not.toContain(SENTINEL_ID.slice(6, 14));
    expect(spelled.join('|')).not.toContain(SENTINEL_ID.slice(6, 14));
    expect(doc.identifierKey).toBe(hash(SENTINEL_ID));
  });

  it('adds the exact-case-number token only for a case number, the same for both bracket widths', () => {
    const a = toMeiliDocument(fixtures.wangWei);
    const b = toMeiliDocument({ ...fixtures.wangWei, caseNo: '(2017)琼9003執1234號' });
    expect(a.caseKey).toMatch(/^k[0-9a-f]{16}$/);
    expect(b.caseKey).toBe(a.caseKey);
    expect(toMeiliDocument({ ...fixtures.wangWei, caseNo: '' }).caseKey).toBeUndefined();
  });
});
