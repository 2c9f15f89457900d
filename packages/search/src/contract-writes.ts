import { describe, expect, it } from 'vitest';
import type { ContractContext } from './contract.ts';
import { SENTINEL_ID } from './contract-fixtures.ts';
import { SearchQueryError } from './errors.ts';

/** Write-side half of the contract: removal, versions, counts, payload fidelity, privacy. */
export function runWriteContract(ctx: ContractContext): void {
  const index = () => ctx.subject().index;
  const { fixtures } = ctx;
  const total = Object.keys(fixtures).length;

  describe('writes', () => {
    it('counts listings and lists their versions for the reconcile pass', async () => {
      expect(await index().count()).toBe(total);
      const versions = await index().listVersions();
      expect(versions.size).toBe(total);
      expect(versions.get(fixtures.wangWei.id)).toBe(1);
    });

    it('upserts idempotently', async () => {
      await index().upsert([fixtures.wangWei, fixtures.wangWei]);
      expect(await index().count()).toBe(total);
      expect((await index().search({ q: '王伟' })).total).toBe(4);
    });

    it('removes a listing from search and detail, idempotently', async () => {
      await index().remove([fixtures.wangWeiMing.id]);
      await index().remove([fixtures.wangWeiMing.id, 'never-existed']);
      expect(await index().get(fixtures.wangWeiMing.id)).toBeNull();
      expect((await index().search({ q: '伟明' })).total).toBe(0);
      expect((await index().search({})).total).toBe(total - 1);
      expect(await index().count()).toBe(total - 1);
      expect((await index().listVersions()).has(fixtures.wangWeiMing.id)).toBe(false);
    });

    it('applies a newer version and ignores a stale one', async () => {
      const newer = { ...fixtures.zhouMin, name: '周敏华', version: 3 };
      await index().upsert([newer]);
      await index().upsert([{ ...fixtures.zhouMin, name: '周旧', version: 2 }]);
      expect((await index().get(newer.id))?.name).toBe('周敏华');
      expect((await index().listVersions()).get(newer.id)).toBe(3);
      expect((await index().search({ q: '周旧' })).total).toBe(0);
      expect((await index().search({ q: '敏华' })).hits.map((h) => h.id)).toEqual([newer.id]);
    });

    it('re-indexes changed fields of an updated listing', async () => {
      await index().upsert([{ ...fixtures.wangFang, caseNo: '（2023）琼9003执8888号', version: 2 }]);
      expect((await index().search({ q: '执357' })).total).toBe(0);
      expect((await index().search({ q: '执8888' })).hits.map((h) => h.name)).toEqual(['王芳']);
    });

    it('stores and returns HTML and script payloads as plain text', async () => {
      const [hit] = (await index().search({ q: '赵<b>六' })).hits;
      expect(hit?.name).toBe('赵<b>六</b>');
      expect(hit?.obligation).toBe(fixtures.markup.obligation);
      expect((await index().get(fixtures.markup.id))?.obligation).toBe(fixtures.markup.obligation);
    });

    it('art. 6: finds an organisation without a credit code by its organisation code, exactly, and returns code and role', async () => {
      const { uscc: _u, ...jinhai } = fixtures.jinhai;
      const doc = {
        ...jinhai,
        id: 'L-097',
        name: '儋州市某某农机站',
        caseNo: '（2015）儋执字第97号',
        uscc: '',
        orgCode: 'D2143569X',
        legalRepresentative: '符负责',
        legalRepresentativeRole: '负责人' as const,
        version: 1,
      };
      await index().upsert([doc]);
      for (const q of ['D2143569X', 'd2143569x', 'D2143569-X', 'Ｄ２１４３５６９－Ｘ']) {
        const res = await index().search({ q });
        expect(
          res.hits.map((h) => h.id),
          q,
        ).toEqual(['L-097']);
      }
      expect((await index().search({ q: 'D2143569-Y' })).total).toBe(0);
      const [hit] = (await index().search({ q: 'D2143569X' })).hits;
      expect(hit).toMatchObject({ orgCode: 'D2143569X', legalRepresentativeRole: '负责人', uscc: '' });
      expect(await index().get('L-097')).toMatchObject({
        orgCode: 'D2143569X',
        legalRepresentativeRole: '负责人',
      });
      await index().remove(['L-097']);
    });

    it('never stores a full ID number anywhere', async () => {
      const doc = { ...fixtures.zhouMin, id: 'L-099', version: 1, identifierKey: ctx.hash(SENTINEL_ID) };
      await index().upsert([doc]);
      await expect(index().upsert([{ ...doc, idNumberMasked: SENTINEL_ID }])).rejects.toThrow();
      await expect(index().upsert([{ ...doc, identifierKey: SENTINEL_ID }])).rejects.toThrow();
      await expect(index().upsert([{ ...doc, idNumber: SENTINEL_ID } as typeof doc])).rejects.toThrow();
      expect((await index().search({ q: SENTINEL_ID })).hits.map((h) => h.id)).toEqual(['L-099']);
      const stored = JSON.stringify(await ctx.subject().storedDocuments());
      expect(stored).toContain('L-099');
      expect(stored).not.toContain(SENTINEL_ID);
      expect(stored).not.toContain(SENTINEL_ID.slice(6, 14)); // not even the birth date
    });

    it('rejects invalid queries with SearchQueryError', async () => {
      await expect(index().search({ page: 0 })).rejects.toBeInstanceOf(SearchQueryError);
      await expect(index().search({ pageSize: 1000 })).rejects.toBeInstanceOf(SearchQueryError);
      await expect(index().search({ q: '王'.repeat(200) })).rejects.toBeInstanceOf(SearchQueryError);
    });

    it('empties on clear', async () => {
      await index().clear();
      expect(await index().count()).toBe(0);
      expect((await index().search({ q: '王' })).total).toBe(0);
    });
  });
}
