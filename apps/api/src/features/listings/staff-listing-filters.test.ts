import { backends } from '@portal/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { idNumberFor, orgDraft, personDraft } from '../../testing/fixtures.ts';
import { openTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';

describe.each(backends())('staff listing list with the search filters on $kind', (backend) => {
  let t: TestRuntime;
  beforeEach(async () => {
    t = await openTestRuntime(backend);
    const drafts = [
      personDraft({ name: '符海明', idNumber: idNumberFor('19750303'), caseNo: '（2017）琼9003执77号' }),
      personDraft({ name: '王小二', idNumber: idNumberFor('19820202'), livelihood: false }),
      orgDraft({ name: '海南明珠贸易有限公司', legalRepresentative: '陈百_分%' }),
    ];
    for (const d of drafts) {
      const res = await t.request('/api/v1/admin/listings', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(d),
        token: 'admin',
      });
      expect(res.status).toBe(201);
    }
  });
  afterEach(() => t.close());

  const names = async (query: string) => {
    const res = await t.request(`/api/v1/admin/listings?status=draft&${query}`, { token: 'admin' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { name: string }[]; total: number };
    expect(body.total).toBe(body.items.length);
    return body.items.map((i) => i.name).sort();
  };

  it('finds drafts by a name fragment, a case number typed with half-width brackets, a representative', async () => {
    expect(await names(`q=${encodeURIComponent('明')}`)).toEqual(['海南明珠贸易有限公司', '符海明'].sort());
    expect(await names(`q=${encodeURIComponent('(2017)琼9003执77号')}`)).toEqual(['符海明']);
    expect(await names(`q=${encodeURIComponent('陈百')}`)).toEqual(['海南明珠贸易有限公司']);
  });

  it('matches % and _ as themselves, not as wildcards', async () => {
    expect(await names(`q=${encodeURIComponent('百_分%')}`)).toEqual(['海南明珠贸易有限公司']);
    expect(await names(`q=${encodeURIComponent('符_明')}`)).toEqual([]);
  });

  it('finds a person by the full ID number (keyed hash), and no one by another valid number', async () => {
    expect(await names(`q=${idNumberFor('19820202')}`)).toEqual(['王小二']);
    expect(await names(`q=${idNumberFor('19900101')}`)).toEqual([]);
  });

  it('filters by type, category and 涉民生 as the public search does', async () => {
    expect(await names('kind=org')).toEqual(['海南明珠贸易有限公司']);
    expect(await names('kind=person&livelihood=true')).toEqual(['符海明']);
    expect(await names('category=4')).toEqual(['海南明珠贸易有限公司']);
    expect(await names('q=&kind=&category=')).toHaveLength(3);
  });

  it.each([
    ['categroy=1', 'categroy'],
    ['category=9', 'category'],
    ['kind=robot', 'kind'],
    [`q=${'字'.repeat(101)}`, 'q'],
  ])('answers %s with 400 naming the parameter', async (query, field) => {
    const res = await t.request(`/api/v1/admin/listings?${encodeURI(query)}`, { token: 'admin' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { field?: string; message: string } };
    expect(body.error.field).toBe(field);
    expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
