import { backends } from '@portal/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgDraft, personDraft } from '../../testing/fixtures.ts';
import { openTestRuntime, type TestRuntime, within } from '../../testing/test-runtime.ts';

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

interface Answer {
  hits: { id: string; kind: string }[];
  total: number;
  representativeMatches: string[];
}

describe.each(backends())(
  '法发〔2019〕35号: legal representatives are not listed themselves ($kind)',
  (backend) => {
    let t: TestRuntime;
    let personId: string;
    let companyId: string;
    let namesakeCompanyId: string;
    beforeAll(async () => {
      t = await openTestRuntime(backend);
      const publish = async (draft: Record<string, unknown>) => {
        const created = await t.request('/api/v1/admin/listings', { ...json(draft), token: 'admin' });
        const { id } = (await created.json()) as { id: string };
        await t.request(`/api/v1/admin/listings/${id}/publish`, { method: 'POST', token: 'admin' });
        return id;
      };
      companyId = await publish(orgDraft({ name: '海南椰风建材有限公司', legalRepresentative: '吴振华' }));
      personId = await publish(personDraft({ name: '吴振华' }));
      namesakeCompanyId = await publish(orgDraft({ name: '吴振华五金店', legalRepresentative: '吴振华' }));
      await within(2000, async () => (await search('吴振华')).total === 3);
    });
    afterAll(() => t?.close());

    async function search(q: string, extra = ''): Promise<Answer> {
      const res = await t.request(`/api/v1/search?q=${encodeURIComponent(q)}${extra}`);
      expect(res.status).toBe(200);
      return (await res.json()) as Answer;
    }

    it('labels a company found only through its legal representative, and ranks the person first', async () => {
      const answer = await search('吴振华');
      expect(answer.hits[0]?.id).toBe(personId);
      expect(answer.hits.at(-1)?.id).toBe(companyId);
      expect(answer.representativeMatches).toEqual([companyId]);
    });

    it('does not label a company whose own name matches, nor any hit of an unrelated query', async () => {
      expect((await search('吴振华')).representativeMatches).not.toContain(namesakeCompanyId);
      expect((await search('椰风建材')).representativeMatches).toEqual([]);
      expect((await search('', '&kind=org')).representativeMatches).toEqual([]);
    });

    it('labels the fragment a citizen types as well (振华)', async () => {
      const answer = await search('振华');
      expect(answer.representativeMatches).toEqual([companyId]);
    });
  },
);
