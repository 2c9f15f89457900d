import { backends } from '@portal/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { idNumberFor, orgDraft, personDraft } from '../../testing/fixtures.ts';
import { openTestRuntime, type TestRuntime, within } from '../../testing/test-runtime.ts';

const post = (body: unknown, token = 'admin') => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
  token,
});

interface ErrorBody {
  error: {
    code: string;
    message: string;
    field?: string;
    requestId: string;
    details?: { errors: { field: string }[] };
  };
}

describe.each(backends())('staff listing errors on $kind', (backend) => {
  let t: TestRuntime;
  beforeEach(async () => {
    t = await openTestRuntime(backend);
  });
  afterEach(async () => {
    await t.close();
  });

  async function expectRejected(res: Response, status: number, code: string, field?: string) {
    expect(res.status).toBe(status);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(body.error.requestId).toBeTruthy();
    if (field) expect(body.error.field).toBe(field);
    return body;
  }

  async function storedCount() {
    const res = await t.request('/api/v1/admin/listings', { token: 'admin' });
    return ((await res.json()) as { total: number }).total;
  }

  it('rejects a minor with a field-level zh-CN error and stores nothing', async () => {
    const today = new Date();
    const y = today.getUTCFullYear() - 17;
    const birth = `${y}0101`;
    const body = await expectRejected(
      await t.request('/api/v1/admin/listings', post(personDraft({ idNumber: idNumberFor(birth) }))),
      400,
      'VALIDATION_FAILED',
      'idNumber',
    );
    expect(body.error.message).toContain('未满');
    expect(await storedCount()).toBe(0);
  });

  it('rejects a bad ID checksum, a bad credit code and an unknown category, naming each field', async () => {
    const good = idNumberFor('19800101');
    const wrongCheck = good.slice(0, 17) + (good.endsWith('1') ? '2' : '1');
    await expectRejected(
      await t.request('/api/v1/admin/listings', post(personDraft({ idNumber: wrongCheck }))),
      400,
      'VALIDATION_FAILED',
      'idNumber',
    );
    const uscc = orgDraft().uscc as string;
    const badUscc = uscc.slice(0, 17) + (uscc.endsWith('0') ? '1' : '0');
    await expectRejected(
      await t.request('/api/v1/admin/listings', post(orgDraft({ uscc: badUscc }))),
      400,
      'VALIDATION_FAILED',
      'uscc',
    );
    const body = await expectRejected(
      await t.request('/api/v1/admin/listings', post(personDraft({ category: 7 }))),
      400,
      'VALIDATION_FAILED',
      'category',
    );
    expect(body.error.details?.errors.map((e) => e.field)).toContain('category');
    expect(await storedCount()).toBe(0);
  });

  it('answers malformed JSON and wrong content types with clear errors', async () => {
    await expectRejected(
      await t.request('/api/v1/admin/listings', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"kind":',
        token: 'admin',
      }),
      400,
      'INVALID_JSON',
    );
    await expectRejected(
      await t.request('/api/v1/admin/listings', {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: 'x',
        token: 'admin',
      }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expect(await storedCount()).toBe(0);
  });

  it('refuses to remove without a legal reason and keeps the listing published', async () => {
    const created = (await (await t.request('/api/v1/admin/listings', post(personDraft()))).json()) as {
      id: string;
    };
    await t.request(`/api/v1/admin/listings/${created.id}/publish`, { method: 'POST', token: 'admin' });
    await within(2000, async () => (await t.request(`/api/v1/listings/${created.id}`)).status === 200);
    await expectRejected(
      await t.request(`/api/v1/admin/listings/${created.id}/remove`, post({ reason: 'paid-a-bit' })),
      400,
      'VALIDATION_FAILED',
      'reason',
    );
    await t.rt.drainPublisher();
    const detail = await t.request(`/api/v1/listings/${created.id}`);
    expect(detail.status).toBe(200);
  });

  it('refuses to publish twice and to act on an unknown listing', async () => {
    const created = (await (await t.request('/api/v1/admin/listings', post(personDraft()))).json()) as {
      id: string;
    };
    await t.request(`/api/v1/admin/listings/${created.id}/publish`, { method: 'POST', token: 'admin' });
    await expectRejected(
      await t.request(`/api/v1/admin/listings/${created.id}/publish`, { method: 'POST', token: 'admin' }),
      409,
      'INVALID_STATE',
    );
    await expectRejected(
      await t.request('/api/v1/admin/listings/LNOPE/publish', { method: 'POST', token: 'admin' }),
      404,
      'LISTING_NOT_FOUND',
    );
  });

  it('rejects bad search parameters with the field at fault', async () => {
    await expectRejected(
      await t.request('/api/v1/search?pageSize=51'),
      400,
      'PAGE_SIZE_TOO_LARGE',
      'pageSize',
    );
    await expectRejected(
      await t.request('/api/v1/search?page=51&pageSize=20'),
      400,
      'RESULT_WINDOW_EXCEEDED',
      'page',
    );
    await expectRejected(await t.request('/api/v1/search?category=9'), 400, 'INVALID_PARAMETER', 'category');
    await expectRejected(await t.request('/api/v1/search?sort=name'), 400, 'INVALID_PARAMETER', 'sort');
    await expectRejected(await t.request('/api/v1/search?kind=robot'), 400, 'INVALID_PARAMETER', 'kind');
    await expectRejected(
      await t.request('/api/v1/search?livelihood=yes'),
      400,
      'INVALID_PARAMETER',
      'livelihood',
    );
    await expectRejected(await t.request('/api/v1/search?page=0'), 400, 'INVALID_PARAMETER', 'page');
  });

  it('answers unknown API paths with the error envelope', async () => {
    await expectRejected(await t.request('/api/v1/nope'), 404, 'NOT_FOUND');
  });
});
