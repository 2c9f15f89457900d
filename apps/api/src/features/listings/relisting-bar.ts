import type { Database, IdNumberVault } from '@portal/db';
import { listings } from '@portal/db/schema';
import {
  type ListingDraftInput,
  type RelistingRefusal,
  type RemovalHistoryEntry,
  relistingRefusal,
  todayInChina,
} from '@portal/domain';
import { and, eq, type SQL } from 'drizzle-orm';

/** The defaulter's identifier condition: keyed hash of the ID number, credit code or organisation code. */
function sameDefaulter(vault: IdNumberVault, draft: ListingDraftInput): SQL | undefined {
  if (draft.kind === 'person')
    return draft.idNumber ? eq(listings.idNumberHash, vault.hash(draft.idNumber)) : undefined;
  if (draft.uscc) return eq(listings.uscc, draft.uscc);
  return draft.orgCode ? eq(listings.orgCode, draft.orgCode) : undefined;
}

/**
 * Art. 10 ¶4: the refusal for a draft requested by a creditor (`applicant`) within six months after
 * this creditor had the same defaulter removed by written request (¶1 (三), reason `withdrawn`),
 * or null. The removal's creditor is the one recorded with the removal (`removalCreditor`: named
 * in the remove request, else the removed listing's applicant); other creditors are not barred.
 */
export async function relistingBarFor(
  db: Database,
  vault: IdNumberVault,
  draft: ListingDraftInput,
  requestDate: string,
): Promise<RelistingRefusal | null> {
  const who = sameDefaulter(vault, draft);
  if (!draft.applicant || !who) return null;
  const removed = await db
    .select({ removedAt: listings.removedAt, creditor: listings.removalCreditor })
    .from(listings)
    .where(and(who, eq(listings.status, 'removed'), eq(listings.removalReason, 'withdrawn')));
  const history: RemovalHistoryEntry[] = removed.flatMap((r) =>
    r.removedAt
      ? [{ reason: 'withdrawn' as const, removedOn: todayInChina(r.removedAt), creditor: r.creditor }]
      : [],
  );
  return relistingRefusal({ creditor: draft.applicant, requestDate }, history);
}
