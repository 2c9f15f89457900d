import { appendAudit } from '@portal/db';
import { listings } from '@portal/db/schema';
import { addYears, todayInChina } from '@portal/domain';
import { and, asc, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { AppDeps } from '../../context.ts';

/** What a purged listing keeps in place of its name. */
export const PURGED_NAME = '（已清除）';

/** Identifying fields erased by the retention purge; case facts stay for statistics and audit. */
export const PURGED_FIELDS = [
  'name',
  'idNumber',
  'birthDate',
  'gender',
  'uscc',
  'orgCode',
  'legalRepresentative',
  'legalRepresentativeRole',
  'applicant',
  'removalCreditor',
] as const;

const BATCH = 200;

/**
 * Retention (PIPL art. 19; issue 14 item 4): the identifying fields of a listing removed more than
 * `years` ago (counted in China's calendar, like the listing term) are erased, in batches, each
 * batch with an audit entry by `system` naming the listings. The row stays (case number, court,
 * dates, removal reason) so counts and the audit trail still add up. Returns the purged ids.
 * Public surfaces never show removed listings, so nothing needs to be re-published.
 */
export async function purgeRemovedListings(
  deps: Pick<AppDeps, 'db' | 'now'>,
  years: number,
): Promise<string[]> {
  const now = deps.now();
  // like the listing term: removed on D, the period ends on D + years; erased from the day after,
  // i.e. everything removed before the start (China) of today − years
  const cutoff = new Date(`${addYears(todayInChina(now), -years)}T00:00:00+08:00`);
  const purged: string[] = [];
  for (;;) {
    const ids = await deps.db.transaction(async (tx) => {
      const due = await tx
        .select({ id: listings.id })
        .from(listings)
        .where(and(eq(listings.status, 'removed'), isNull(listings.purgedAt), lt(listings.removedAt, cutoff)))
        .orderBy(asc(listings.id))
        .limit(BATCH)
        .for('update', { skipLocked: true });
      if (due.length === 0) return [];
      const batch = due.map((d) => d.id);
      await tx
        .update(listings)
        .set({
          name: PURGED_NAME,
          idNumberEnc: null,
          idNumberHash: null,
          idNumberMasked: null,
          birthDate: null,
          gender: null,
          uscc: null,
          orgCode: null,
          legalRepresentative: null,
          legalRepresentativeRole: null,
          applicant: null,
          removalCreditor: null,
          purgedAt: now,
        })
        .where(inArray(listings.id, batch));
      await appendAudit(tx, {
        actor: 'system',
        action: 'listing.purge',
        entity: 'listing',
        entityId: batch.length === 1 ? batch[0]! : '*',
        reason: `删除满 ${years} 年，清除身份信息（保存期限届满）`,
        details: { ids: batch, fields: PURGED_FIELDS, removedBefore: cutoff.toISOString() },
      });
      return batch;
    });
    purged.push(...ids);
    if (ids.length < BATCH) return purged;
  }
}

/**
 * Runs the purge at start and then every six hours, in the one process for which `isActive()`
 * holds (the publisher lock; the purge is also safe when two run, rows are locked skip-locked).
 */
export function startRetentionJob(deps: AppDeps, isActive: () => boolean = () => true): { stop(): void } {
  const years = deps.env.RETENTION_YEARS_AFTER_REMOVAL;
  const run = () =>
    (isActive() ? purgeRemovedListings(deps, years) : Promise.resolve([]))
      .then(
        (ids) =>
          ids.length > 0 && deps.logger.info({ count: ids.length }, 'retention: identifying fields purged'),
      )
      .catch((err) => deps.logger.error({ err }, 'retention job failed'));
  void run();
  const timer = setInterval(run, 6 * 60 * 60_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
