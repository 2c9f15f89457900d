import { auditLog, listings } from '@portal/db/schema';
import { backends } from '@portal/db/testing';
import { addDays, WORKING_DAY_CALENDAR_COVERAGE } from '@portal/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberFor, orgDraft, personDraft } from '../../testing/fixtures.ts';
import { openTestRuntime, type TestRuntime, within } from '../../testing/test-runtime.ts';
import { removeExpiredListings } from './expiry-job.ts';

const post = (body: unknown) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

/** noon in China on `date` */
const chinaNoon = (date: string) => new Date(`${date}T12:00:00+08:00`);

describe.each(backends())('terms, removals and their clocks (arts. 2, 5, 10) on $kind', (backend) => {
  let t: TestRuntime;
  let today = '2025-06-03';
  beforeAll(async () => {
    t = await openTestRuntime(backend, {}, { now: () => chinaNoon(today) });
  });
  afterAll(() => t?.close());

  async function create(draft: Record<string, unknown>, token = 'admin') {
    const res = await t.request('/api/v1/admin/listings', { ...post(draft), token });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }
  async function publish(id: string) {
    expect(
      (await t.request(`/api/v1/admin/listings/${id}/publish`, { method: 'POST', token: 'admin' })).status,
    ).toBe(200);
  }
  const remove = (id: string, body: Record<string, unknown>, token = 'admin') =>
    t.request(`/api/v1/admin/listings/${id}/remove`, { ...post(body), token });
  const row = async (id: string) =>
    (await t.rt.deps.db.select().from(listings).where(eq(listings.id, id)))[0]!;
  const staffItem = async (id: string, status: string) => {
    const res = await t.request(`/api/v1/admin/listings?status=${status}`, { token: 'admin' });
    const body = (await res.json()) as { items: Record<string, unknown>[] };
    return body.items.find((i) => i.id === id)!;
  };
  const stats = async (token = 'admin') =>
    (await (await t.request('/api/v1/admin/stats/removal-deadlines', { token })).json()) as Record<
      string,
      unknown
    >;

  it('art. 10 ¶1 / art. 2 ¶2: a listing with a term cannot be removed for ¶1 grounds, but for active performance it can', async () => {
    today = '2025-06-03';
    const id = await create(orgDraft({ category: 4, filedAt: '2018-03-01' }));
    await publish(id);
    const refused = await remove(id, { reason: 'performed' });
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as {
      error: { field: string; message: string; details: { errors: { code: string }[] } };
    };
    expect(body.error.field).toBe('reason');
    expect(body.error.details.errors[0]!.code).toBe('REMOVAL_REASON_NOT_APPLICABLE');
    expect(body.error.message).toContain('第十条');
    expect((await row(id)).status).toBe('published');
    const ok = await remove(id, { reason: 'active_performance' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: 'removed', eventDate: today, deadlineMet: true });
  });

  it('art. 10: a listing without a term (category 1) is not removed as expired nor for early performance; revoked applies to all', async () => {
    today = '2025-06-03';
    const id = await create(personDraft({ category: 1 }));
    await publish(id);
    for (const reason of ['expired', 'active_performance']) {
      const res = await remove(id, { reason });
      expect(res.status).toBe(400);
    }
    expect((await remove(id, { reason: 'revoked' })).status).toBe(200);
  });

  it('art. 10: the 3-working-day clock runs from eventDate; a late removal is shown overdue and counted; a future date is refused', async () => {
    today = '2025-06-03';
    const before = await stats();
    const id = await create(personDraft());
    await publish(id);
    const future = await remove(id, { reason: 'performed', eventDate: '2025-06-04' });
    expect(future.status).toBe(400);
    expect(((await future.json()) as { error: { field: string } }).error.field).toBe('eventDate');
    expect((await row(id)).status).toBe('published');
    // performed on Friday 2025-05-23; three working days end on Wednesday 2025-05-28
    const late = await remove(id, { reason: 'performed', eventDate: '2025-05-23' });
    expect(late.status).toBe(200);
    expect(await late.json()).toMatchObject({
      eventDate: '2025-05-23',
      removalDeadline: '2025-05-28',
      deadlineEstimated: false,
      deadlineMet: false,
    });
    expect((await staffItem(id, 'removed')).removalClock).toEqual({
      eventDate: '2025-05-23',
      deadline: '2025-05-28',
      estimate: false,
      state: 'late',
      overdue: true,
    });
    const after = await stats();
    expect(after.late).toBe((before.late as number) + 1);
    expect(after.overdue).toBe((before.overdue as number) + 1);
    expect(after.overdueIds).toContain(id);
    // a unit member sees only its own unit's clock
    expect((await stats('unitB')).overdueIds).not.toContain(id);
  });

  it('art. 10 ¶2: an expired term still published past 3 working days is counted overdue; the job then removes it, late', async () => {
    today = '2025-06-03';
    const id = await create(personDraft({ category: 2, filedAt: '2017-07-18' }));
    await publish(id);
    const ends = (await row(id)).termEndsAt!;
    expect(ends).toBe('2027-06-03');
    today = addDays(ends, 10);
    const s = await stats();
    expect(s.overdueIds).toContain(id);
    expect(s.notRemoved).toBeGreaterThanOrEqual(1);
    expect((await staffItem(id, 'published')).removalClock).toMatchObject({
      eventDate: '2027-06-04',
      state: 'overdue',
    });
    await removeExpiredListings(t.rt.deps);
    expect(await row(id)).toMatchObject({
      status: 'removed',
      removalReason: 'expired',
      removalEventDate: '2027-06-04',
    });
    expect((await staffItem(id, 'removed')).removalClock).toMatchObject({ state: 'late', overdue: true });
  });

  it('art. 11: deadlines past the bundled holiday calendar are marked 估算 (estimate)', async () => {
    const year = WORKING_DAY_CALENDAR_COVERAGE.to + 1;
    today = `${year}-03-10`;
    const id = await create(personDraft({ category: 1, filedAt: '2017-07-18' }));
    await publish(id);
    const res = await remove(id, { reason: 'performed' });
    expect(await res.json()).toMatchObject({ deadlineEstimated: true, deadlineMet: true });
    expect((await staffItem(id, 'removed')).removalClock).toMatchObject({ estimate: true, state: 'met' });
    today = '2025-06-03';
  });

  it('art. 2 ¶1: a term is extended after publication for a named ground with a decision; the public end date follows within 2 s', async () => {
    today = '2025-06-03';
    const id = await create(personDraft({ category: 2, unitId: 'U-A' }));
    await publish(id);
    const ext = (body: Record<string, unknown>, token = 'unitA') =>
      t.request(`/api/v1/admin/listings/${id}/term-extension`, { ...post(body), token });
    const valid = {
      years: 1,
      ground: '以暴力、威胁方法妨碍、抗拒执行情节严重',
      decisionNo: '（2025）琼9003执恢1号',
      decisionDate: today,
    };
    const before = await row(id);
    const bad = await ext({ ...valid, ground: '拒不申报财产' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('termExtensionGround');
    expect((await ext({ ...valid, years: 4 })).status).toBe(400);
    expect((await ext(valid, 'unitB')).status).toBe(403);
    expect(await row(id)).toEqual(before);
    const res = await ext(valid);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      termExtensionYears: 1,
      termExtensionGround: 'violent_obstruction',
      termExtensionDecisionNo: '（2025）琼9003执恢1号',
      termExtensionDecisionDate: today,
      termEndsAt: '2028-06-03',
    });
    await within(2000, async () => {
      const detail = (await (await t.request(`/api/v1/listings/${id}`)).json()) as { termEndsAt: string };
      return detail.termEndsAt === '2028-06-03';
    });
    const [entry] = await t.rt.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'listing.extend_term'));
    expect(entry).toMatchObject({ actor: 'S-A', entityId: id });
    // extensions add up to three years at most
    expect((await ext({ ...valid, years: 3 })).status).toBe(400);
  });

  it('art. 5: the term runs from the decision date (决定书), not from the later publication', async () => {
    today = '2025-06-03';
    const id = await create(
      personDraft({ category: 3, decisionDocNo: '（2025）琼9003执12号决定书', decisionDate: '2025-05-20' }),
    );
    await publish(id);
    expect(await row(id)).toMatchObject({
      listedAt: '2025-06-03',
      decisionDate: '2025-05-20',
      termEndsAt: '2027-05-20',
    });
  });

  it('art. 2: a CSV row without a listing date is dated by its publication, not by its import', async () => {
    today = '2025-06-03';
    const header =
      'kind,name,idNumber,caseNo,court,filedAt,basisIssuer,basisDocNo,obligation,performance,category,amountOwedFen,livelihood,region';
    const line = `person,符导入日,${idNumberFor('19800606', '777')},（2019）琼9003执777号,儋州市人民法院,2019-05-01,儋州市人民法院,（2018）琼9003民初7号,支付货款,未履行,2,100000,否,儋州市`;
    const res = await t.request('/api/v1/admin/listings/import', {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv' },
      body: `${header}\n${line}\n`,
      token: 'admin',
    });
    const { ids } = (await res.json()) as { ids: string[] };
    expect((await row(ids[0]!)).listedAt).toBeNull();
    today = '2025-06-20';
    await publish(ids[0]!);
    expect(await row(ids[0]!)).toMatchObject({ listedAt: '2025-06-20', termEndsAt: '2027-06-20' });
    today = '2025-06-03';
  });

  it("art. 10 ¶4: within 6 months of a removal at the creditor's written request, that creditor's new listing is refused", async () => {
    today = '2025-06-03';
    const idNumber = idNumberFor('19810101', '888');
    const id = await create(personDraft({ idNumber, applicant: '海南某银行' }));
    await publish(id);
    expect((await remove(id, { reason: 'withdrawn' })).status).toBe(200);
    today = '2025-09-01';
    const again = await t.request('/api/v1/admin/listings', {
      ...post(personDraft({ idNumber, applicant: '海南某银行' })),
      token: 'admin',
    });
    expect(again.status).toBe(409);
    const body = (await again.json()) as { error: { code: string; field: string; message: string } };
    expect(body.error).toMatchObject({ code: 'RELISTING_REFUSED', field: 'applicant' });
    expect(body.error.message).toContain('第十条第四款');
    // another creditor, or the court on its own motion, is not barred
    await create(personDraft({ idNumber, applicant: '儋州某公司' }));
    await create(personDraft({ idNumber }));
    today = '2025-12-04';
    await create(personDraft({ idNumber, applicant: '海南某银行' }));
    today = '2025-06-03';
  });
  it('art. 10 ¶1 (三) and ¶4: a withdrawal names the creditor who asked in writing; only that creditor is barred, not the listing’s applicant', async () => {
    today = '2025-06-03';
    const idNumber = idNumberFor('19820202', '881');
    const id = await create(personDraft({ idNumber, applicant: '海南某银行' }));
    await publish(id);
    // several creditors in one case: the second one (not the applicant) asks for the removal
    const ok = await remove(id, { reason: 'withdrawn', creditor: ' 儋州某某(集团)有限公司 ' });
    expect(ok.status).toBe(200);
    expect((await row(id)).removalCreditor).toBe('儋州某某(集团)有限公司');
    expect(await staffItem(id, 'removed')).toMatchObject({ removalCreditor: '儋州某某(集团)有限公司' });
    today = '2025-08-01';
    // that creditor, written with full-width brackets, is refused until the six months have passed
    const again = await t.request('/api/v1/admin/listings', {
      ...post(personDraft({ idNumber, applicant: '儋州某某（集团）有限公司' })),
      token: 'admin',
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { details: { barredUntil: string } } }).error.details).toEqual({
      barredUntil: '2025-12-03',
    });
    // the listing's own applicant did not withdraw: not barred
    await create(personDraft({ idNumber, applicant: '海南某银行' }));
    today = '2025-06-03';
  });

  it('art. 10 ¶1 (三): without a creditor in the request the listing’s applicant is the one who withdrew (older callers)', async () => {
    today = '2025-06-03';
    const idNumber = idNumberFor('19820303', '882');
    const id = await create(personDraft({ idNumber, applicant: '海南某银行' }));
    await publish(id);
    expect((await remove(id, { reason: 'withdrawn', creditor: '  ' })).status).toBe(200);
    expect((await row(id)).removalCreditor).toBe('海南某银行');
  });

  it('art. 10 ¶1 (三): a listing made by the court on its own motion needs the creditor named, and nothing changes without it', async () => {
    today = '2025-06-03';
    const idNumber = idNumberFor('19820404', '883');
    const id = await create(personDraft({ idNumber }));
    await publish(id);
    const refused = await remove(id, { reason: 'withdrawn' });
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as {
      error: { code: string; field: string; message: string; details: { errors: { code: string }[] } };
    };
    expect(body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'creditor' });
    expect(body.error.details.errors[0]!.code).toBe('REQUIRED');
    expect(body.error.message).toContain('第十条第一款第（三）项');
    expect((await row(id)).status).toBe('published');
    expect((await remove(id, { reason: 'withdrawn', creditor: '海南某银行' })).status).toBe(200);
    expect((await row(id)).removalCreditor).toBe('海南某银行');
  });

  it('art. 10 ¶1 (三): a creditor is refused with any other reason, when not text or too long; the listing stays', async () => {
    today = '2025-06-03';
    const id = await create(personDraft({ applicant: '海南某银行' }));
    await publish(id);
    const cases: [Record<string, unknown>, string][] = [
      [{ reason: 'performed', creditor: '海南某银行' }, 'FIELD_NOT_ALLOWED'],
      // the contract's schema refuses a number before the rule sees it
      [{ reason: 'withdrawn', creditor: 42 }, 'invalid_type'],
      [{ reason: 'withdrawn', creditor: '某'.repeat(101) }, 'TOO_LONG'],
    ];
    for (const [body, code] of cases) {
      const res = await remove(id, body);
      expect(res.status, code).toBe(400);
      const err = (
        (await res.json()) as { error: { field: string; details: { errors: { code: string }[] } } }
      ).error;
      expect(err.field).toBe('creditor');
      expect(err.details.errors[0]!.code).toBe(code);
    }
    expect(await row(id)).toMatchObject({ status: 'published', removalCreditor: null });
  });
});
