import { auditLog, listings } from '@portal/db/schema';
import { backends } from '@portal/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../env.ts';
import { idNumberFor, orgDraft, personDraft } from '../../testing/fixtures.ts';
import { openTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { PURGED_NAME, purgeRemovedListings } from './retention-job.ts';

const post = (body: unknown) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});
const chinaNoon = (date: string) => new Date(`${date}T12:00:00+08:00`);

describe.each(backends())(
  'retention: identifying fields of removed listings are purged (issue 14 item 4) on $kind',
  (backend) => {
    let t: TestRuntime;
    let today = '2025-06-03';
    beforeAll(async () => {
      // workers off: the purge is driven here with the injected clock, not by the timer
      t = await openTestRuntime(backend, {}, { now: () => chinaNoon(today), workers: false });
    });
    afterAll(() => t?.close());

    async function listAndRemove(draft: Record<string, unknown>, reason = 'performed') {
      const created = await t.request('/api/v1/admin/listings', { ...post(draft), token: 'admin' });
      const { id } = (await created.json()) as { id: string };
      await t.request(`/api/v1/admin/listings/${id}/publish`, { method: 'POST', token: 'admin' });
      if (reason)
        expect(
          (await t.request(`/api/v1/admin/listings/${id}/remove`, { ...post({ reason }), token: 'admin' }))
            .status,
        ).toBe(200);
      return id;
    }
    const row = async (id: string) =>
      (await t.rt.deps.db.select().from(listings).where(eq(listings.id, id)))[0]!;

    it('keeps a removed listing whole until two years have passed, then erases name and identifiers, audited', async () => {
      today = '2025-06-03';
      const idNumber = idNumberFor('19700707', '321');
      const person = await listAndRemove(personDraft({ name: '符保存', idNumber, applicant: '海南某银行' }));
      const org = await listAndRemove(orgDraft({ category: 4 }), 'revoked');
      const stillListed = await listAndRemove(personDraft({ name: '符仍公布' }), '');
      const withdrawn = await listAndRemove(
        personDraft({ name: '符撤回', applicant: '海南某农商行' }),
        'withdrawn',
      );
      expect((await row(withdrawn)).removalCreditor).toBe('海南某农商行');

      today = '2027-06-03'; // the last day of the two years
      expect(await purgeRemovedListings(t.rt.deps, 2)).toEqual([]);
      expect((await row(person)).name).toBe('符保存');

      today = '2027-06-04';
      const purged = await purgeRemovedListings(t.rt.deps, 2);
      expect(purged.sort()).toEqual([person, org, withdrawn].sort());
      expect(await row(withdrawn)).toMatchObject({
        applicant: null,
        removalCreditor: null,
        name: PURGED_NAME,
      });
      const p = await row(person);
      expect(p).toMatchObject({
        name: PURGED_NAME,
        idNumberEnc: null,
        idNumberHash: null,
        idNumberMasked: null,
        birthDate: null,
        gender: null,
        applicant: null,
        status: 'removed',
        removalReason: 'performed',
        caseNo: expect.stringContaining('执'),
      });
      expect(p.purgedAt).toEqual(chinaNoon('2027-06-04'));
      expect(await row(org)).toMatchObject({ uscc: null, legalRepresentative: null, name: PURGED_NAME });
      expect((await row(stillListed)).name).toBe('符仍公布');
      const entries = await t.rt.deps.db.select().from(auditLog).where(eq(auditLog.action, 'listing.purge'));
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ actor: 'system' });
      expect((entries[0]!.details as { ids: string[] }).ids.sort()).toEqual([person, org, withdrawn].sort());
      // the staff view of a purged listing shows that it was purged and no identity
      const staff = (await (
        await t.request('/api/v1/admin/listings?status=removed', { token: 'admin' })
      ).json()) as {
        items: Record<string, unknown>[];
      };
      const item = staff.items.find((i) => i.id === person)!;
      expect(item).toMatchObject({ idNumber: null, name: PURGED_NAME });
      expect(item.purgedAt).toBeTruthy();
      expect(JSON.stringify(staff)).not.toContain(idNumber);
      // a second run finds nothing more to do
      expect(await purgeRemovedListings(t.rt.deps, 2)).toEqual([]);
    });

    it('the period comes from RETENTION_YEARS_AFTER_REMOVAL (default 2) and must be a whole number', () => {
      expect(parseEnv({}).RETENTION_YEARS_AFTER_REMOVAL).toBe(2);
      expect(parseEnv({ RETENTION_YEARS_AFTER_REMOVAL: '5' }).RETENTION_YEARS_AFTER_REMOVAL).toBe(5);
      expect(() => parseEnv({ RETENTION_YEARS_AFTER_REMOVAL: 'zwei' })).toThrow(
        /RETENTION_YEARS_AFTER_REMOVAL/,
      );
    });

    it('a shorter configured period purges sooner', async () => {
      today = '2025-06-03';
      const id = await listAndRemove(personDraft({ name: '符短期' }));
      today = '2026-06-04';
      expect(await purgeRemovedListings(t.rt.deps, 2)).not.toContain(id);
      expect(await purgeRemovedListings(t.rt.deps, 1)).toContain(id);
    });
  },
);
