import { appendAudit, enqueue } from '@portal/db';
import { listings } from '@portal/db/schema';
import { extendListingTerm, type TermExtensionRequest, todayInChina } from '@portal/domain';
import { eq } from 'drizzle-orm';
import { ApiError } from '../../errors.ts';
import { LISTING_CHANGED } from '../../read-model/publisher.ts';
import { assertCanActOnUnit, type StaffPrincipal } from '../staff/staff-auth.ts';
import { type CommandContext, lockListing, validationError } from './listing-commands.ts';
import { type StaffView, staffViewOf } from './staff-view.ts';

/**
 * Extends a listing's term (法释〔2017〕7号 art. 2 ¶1: one to three years in all, only for violent
 * obstruction or several defaults, by a decision with its number and date), before or after
 * publication. The new end is counted from the term's start (the listing decision's date, art. 5).
 * Audited; a published listing's new end date reaches the public surfaces through the outbox.
 */
export async function extendTerm(
  ctx: CommandContext,
  principal: StaffPrincipal,
  id: string,
  request: TermExtensionRequest,
): Promise<StaffView> {
  const today = todayInChina(ctx.now());
  const view = await ctx.db.transaction(async (tx) => {
    const row = await lockListing(tx, id);
    assertCanActOnUnit(principal, row.unitId);
    if (row.status === 'removed') {
      throw new ApiError('INVALID_STATE', { message: '已删除的失信信息不能延长纳入期限。' });
    }
    const result = extendListingTerm(row, request, { today });
    if (!result.ok) throw validationError(result.errors);
    const decisionNo = String(request.decisionNo).trim();
    const decisionDate = String(request.decisionDate).trim();
    const [stored] = await tx
      .update(listings)
      .set({
        termExtensionYears: result.termExtensionYears,
        termExtensionGround: result.ground,
        termExtensionDecisionNo: decisionNo,
        termExtensionDecisionDate: decisionDate,
        // a draft's end date follows at publication
        termEndsAt: row.listedAt ? result.termEndsAt : row.termEndsAt,
      })
      .where(eq(listings.id, id))
      .returning();
    await appendAudit(tx, {
      actor: principal.staffId,
      action: 'listing.extend_term',
      entity: 'listing',
      entityId: id,
      reason: result.ground,
      details: {
        before: { termExtensionYears: row.termExtensionYears ?? 0, termEndsAt: row.termEndsAt },
        after: { termExtensionYears: result.termExtensionYears, termEndsAt: stored!.termEndsAt },
        decisionNo,
        decisionDate,
      },
    });
    if (row.status === 'published') {
      await enqueue(tx, { topic: LISTING_CHANGED, key: id, payload: { id, change: 'extend_term' } });
    }
    return staffViewOf(stored!, ctx.idVault, today);
  });
  ctx.afterCommit();
  return view;
}
