import { backends } from '@portal/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgDraft } from '../../testing/fixtures.ts';
import { openTestRuntime, type TestRuntime, within } from '../../testing/test-runtime.ts';

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

/** GB 11714's own example code, D2143569-X (check character X). */
const ORG_CODE = 'D2143569X';

describe.each(backends())(
  'organisation code and representative role are public (art. 6 ¶1 (一)) on $kind',
  (backend) => {
    let t: TestRuntime;
    let orgId: string;
    beforeAll(async () => {
      t = await openTestRuntime(backend);
      const draft = orgDraft({
        name: '儋州市某某农机服务站',
        uscc: undefined,
        orgCode: 'd2143569-x',
        legalRepresentative: '符站长',
        legalRepresentativeRole: '负责人',
      });
      const created = await t.request('/api/v1/admin/listings', { ...json(draft), token: 'admin' });
      expect(created.status).toBe(201);
      orgId = ((await created.json()) as { id: string }).id;
      await t.request(`/api/v1/admin/listings/${orgId}/publish`, { method: 'POST', token: 'admin' });
      await within(2000, async () => (await search(ORG_CODE)).length === 1);
    });
    afterAll(() => t?.close());

    async function search(q: string) {
      const res = await t.request(`/api/v1/search?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      return ((await res.json()) as { hits: Record<string, unknown>[] }).hits;
    }

    it('art. 6 ¶1 (一): the detail carries the organisation code and the role of its representative', async () => {
      const res = await t.request(`/api/v1/listings/${orgId}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        kind: 'org',
        uscc: '',
        orgCode: ORG_CODE,
        legalRepresentative: '符站长',
        legalRepresentativeRole: '负责人',
      });
    });

    it('art. 6 ¶1 (一): a search by the organisation code finds it exactly, in any of its written forms', async () => {
      for (const q of [ORG_CODE, 'd2143569x', 'D2143569-X', 'Ｄ２１４３５６９－Ｘ']) {
        const hits = await search(q);
        expect(
          hits.map((h) => h.id),
          q,
        ).toEqual([orgId]);
        expect(hits[0]).toMatchObject({ orgCode: ORG_CODE, legalRepresentativeRole: '负责人' });
      }
      expect(await search('D2143569-Y')).toEqual([]);
    });

    it('art. 6: an organisation with a credit code gets 法定代表人 as the default role', async () => {
      const created = await t.request('/api/v1/admin/listings', {
        ...json(orgDraft({ name: '海南默认角色有限公司' })),
        token: 'admin',
      });
      const { id } = (await created.json()) as { id: string };
      await t.request(`/api/v1/admin/listings/${id}/publish`, { method: 'POST', token: 'admin' });
      // the detail is served from the read model, which follows within 2 s
      await within(2000, async () => (await t.request(`/api/v1/listings/${id}`)).status === 200);
      const body = (await (await t.request(`/api/v1/listings/${id}`)).json()) as Record<string, unknown>;
      expect(body).toMatchObject({ legalRepresentative: '吴测试', legalRepresentativeRole: '法定代表人' });
      expect('orgCode' in body).toBe(false);
    });
  },
);
