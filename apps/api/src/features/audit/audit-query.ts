import type { AuditEntryView } from '@portal/contract';
import type { Database } from '@portal/db';
import { auditLog, correctionRequests, listings, rewardNotices, staff, tips } from '@portal/db/schema';
import { and, count, desc, eq, gte, inArray, isNotNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { chinaDaySpan } from '../campaign/china-period.ts';
import { redactAuditDetails, redactAuditText } from './audit-redaction.ts';

export interface AuditFilter {
  listingId?: string;
  actor?: string;
  /** China-time days, both included */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/**
 * Everything recorded about one listing: entries on the listing itself, reads and imports that
 * name it among others (`details.ids`), and entries on its tips, correction requests and 悬赏.
 */
function aboutListing(listingId: string): SQL {
  return or(
    and(eq(auditLog.entity, 'listing'), eq(auditLog.entityId, listingId)),
    sql`${auditLog.details}->>'listingId' = ${listingId}`,
    sql`coalesce(${auditLog.details}->'ids', '[]'::jsonb) @> jsonb_build_array(${listingId}::text)`,
    and(
      eq(auditLog.entity, 'tip'),
      inArray(
        auditLog.entityId,
        sql`(select ${tips.id} from ${tips} where ${tips.listingId} = ${listingId})`,
      ),
    ),
    and(
      eq(auditLog.entity, 'correction'),
      inArray(
        auditLog.entityId,
        sql`(select ${correctionRequests.id} from ${correctionRequests} where ${correctionRequests.listingId} = ${listingId})`,
      ),
    ),
    and(
      eq(auditLog.entity, 'reward'),
      inArray(
        auditLog.entityId,
        sql`(select ${rewardNotices.id} from ${rewardNotices} where ${rewardNotices.listingId} = ${listingId})`,
      ),
    ),
  )!;
}

function conditionsOf(filter: AuditFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.listingId) conditions.push(aboutListing(filter.listingId));
  if (filter.actor) conditions.push(eq(auditLog.actor, filter.actor));
  if (filter.from) conditions.push(gte(auditLog.at, chinaDaySpan(filter.from, filter.from).start));
  if (filter.to) conditions.push(lt(auditLog.at, chinaDaySpan(filter.to, filter.to).end));
  return conditions;
}

/**
 * One page of the audit chain, newest first, with staff names and redacted details. Entries
 * about a listing whose identifying fields the retention job erased keep their place in the
 * chain but no longer show the listing's former contents.
 */
export async function listAuditEntries(db: Database, filter: AuditFilter) {
  const where = and(...conditionsOf(filter));
  const [rows, [total]] = await Promise.all([
    db
      .select({ entry: auditLog, actorName: staff.name })
      .from(auditLog)
      .leftJoin(staff, eq(staff.id, auditLog.actor))
      .where(where)
      .orderBy(desc(auditLog.seq))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  const listingIds = [
    ...new Set(rows.filter((r) => r.entry.entity === 'listing').map((r) => r.entry.entityId)),
  ];
  const purged = new Set(
    listingIds.length === 0
      ? []
      : (
          await db
            .select({ id: listings.id })
            .from(listings)
            .where(and(inArray(listings.id, listingIds), isNotNull(listings.purgedAt)))
        ).map((r) => r.id),
  );
  const items: AuditEntryView[] = rows.map(({ entry, actorName }) => ({
    seq: entry.seq,
    at: entry.at.toISOString(),
    actor: entry.actor,
    actorName: actorName ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    reason: entry.reason === null ? null : redactAuditText(entry.reason),
    details:
      entry.entity === 'listing' && purged.has(entry.entityId) && entry.details
        ? { purged: '该名单信息已按期清除，记录内容不再显示。' }
        : redactAuditDetails(entry.details ?? null),
    prevHash: entry.prevHash,
    hash: entry.hash,
  }));
  return { items, total: total?.n ?? 0, page: filter.page, pageSize: filter.pageSize };
}
