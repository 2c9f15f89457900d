import { appendAudit, type Database, enqueue, type IdNumberVault, newId, toNewListingRow } from '@portal/db';
import { listings } from '@portal/db/schema';
import {
  DOMAIN_ERROR_MESSAGES,
  isExpired,
  isMinorOn,
  isRemovalReason,
  listingTermEndsAt,
  type RemovalReason,
  readRemovalEventDate,
  removalClock,
  removalCreditor,
  todayInChina,
  validateListingDraft,
  validateRemovalReason,
} from '@portal/domain';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../context.ts';
import { ApiError } from '../../errors.ts';

import { LISTING_CHANGED } from '../../read-model/publisher.ts';
import { assertCanActOnUnit, type StaffPrincipal } from '../staff/staff-auth.ts';
import { relistingBarFor } from './relisting-bar.ts';

export interface CommandContext {
  db: Database;
  now: () => Date;
  /** wakes the publisher after the transaction committed */
  afterCommit: () => void;
  /** encrypts and decrypts full ID numbers (staff views, new drafts) */
  idVault: IdNumberVault;
}

/** The command context of a runtime's dependencies. */
export function commandContext(deps: AppDeps): CommandContext {
  return { db: deps.db, now: deps.now, afterCommit: () => deps.outbox.wake(), idVault: deps.idVault };
}

export function validationError(errors: { field: string; code: string; message: string }[]): ApiError {
  const first = errors[0];
  return new ApiError('VALIDATION_FAILED', {
    ...(first ? { message: first.message, field: first.field } : {}),
    details: { errors },
  });
}

/** Resolves which unit a new draft belongs to: a unit member can only file for its own unit. */
function unitFor(principal: StaffPrincipal, requested: string | undefined): string | null {
  if (principal.role === 'unit_member') {
    if (requested && requested !== principal.unitId) {
      throw new ApiError('FORBIDDEN', { message: '您只能为本执行单元录入案件。', field: 'unitId' });
    }
    return principal.unitId;
  }
  return requested ?? null;
}

/** `POST /admin/listings`: validates a draft and stores it, with its audit entry, in one transaction. */
export async function createDraft(ctx: CommandContext, principal: StaffPrincipal, input: unknown) {
  const today = todayInChina(ctx.now());
  const result = validateListingDraft(input, { today });
  if (!result.ok) throw validationError(result.errors);
  const unitId = unitFor(principal, result.value.unitId);
  const id = newId('L');
  // the listing date is the publication date unless staff fixed one explicitly (listedAtGiven)
  const draft = {
    ...result.value,
    id,
    unitId: unitId ?? undefined,
    demo: false,
  };
  await ctx.db.transaction(async (tx) => {
    const barred = await relistingBarFor(tx, ctx.idVault, draft, today);
    if (barred) {
      throw new ApiError('RELISTING_REFUSED', {
        field: barred.field,
        message: barred.message,
        details: { barredUntil: barred.barredUntil },
      });
    }
    await tx.insert(listings).values(toNewListingRow(draft, { vault: ctx.idVault }));
    await appendAudit(tx, {
      actor: principal.staffId,
      action: 'listing.create',
      entity: 'listing',
      entityId: id,
      details: { caseNo: result.value.caseNo, unitId },
    });
  });
  return { id, status: 'draft' as const };
}

export async function lockListing(tx: Database, id: string) {
  const rows = await tx.select().from(listings).where(eq(listings.id, id)).for('update');
  const row = rows[0];
  if (!row) throw new ApiError('LISTING_NOT_FOUND');
  return row;
}

/**
 * `POST /admin/listings/{id}/publish`. The listing date is today unless the draft fixed one; the
 * minor rule is checked again on that date because a draft may wait a while before publication.
 */
export async function publishListing(ctx: CommandContext, principal: StaffPrincipal, id: string) {
  const today = todayInChina(ctx.now());
  await ctx.db.transaction(async (tx) => {
    const row = await lockListing(tx, id);
    assertCanActOnUnit(principal, row.unitId);
    if (row.status !== 'draft') {
      throw new ApiError('INVALID_STATE', {
        message: row.status === 'published' ? '该信息已经发布。' : '已删除的信息不能再次发布，请重新录入。',
      });
    }
    const listedAt = row.listedAt ?? today;
    if (row.kind === 'person' && row.birthDate && isMinorOn(row.birthDate, listedAt)) {
      throw new ApiError('VALIDATION_FAILED', {
        field: 'idNumber',
        message: DOMAIN_ERROR_MESSAGES.MINOR_NOT_LISTABLE,
      });
    }
    // art. 5: the term runs from the decision date when one is recorded, else the listing date
    const ends = listingTermEndsAt({ ...row, listedAt });
    if (ends && isExpired(ends, today)) {
      throw new ApiError('INVALID_STATE', {
        field: 'listedAt',
        message: '该信息的公布期限已届满，不能发布。',
      });
    }
    await tx
      .update(listings)
      .set({ status: 'published', listedAt, termEndsAt: ends, publishedAt: ctx.now() })
      .where(eq(listings.id, id));
    await appendAudit(tx, {
      actor: principal.staffId,
      action: 'listing.publish',
      entity: 'listing',
      entityId: id,
    });
    await enqueue(tx, { topic: LISTING_CHANGED, key: id, payload: { id, change: 'publish' } });
  });
  ctx.afterCommit();
  return { status: 'published' as const };
}

/**
 * `POST /admin/listings/{id}/remove` with a legal reason the listing's category allows (art. 10,
 * art. 2 ¶2) and the day the ground arose (`eventDate`, default today): the three-working-day
 * removal clock runs from it and is stored with the removal (met/late, 估算 past the calendar).
 * For `withdrawn` the creditor who asked in writing (`creditor`, default the listing's applicant)
 * is stored too: the six-month re-listing bar (art. 10 ¶4) applies to that creditor.
 */
export async function removeListing(
  ctx: CommandContext,
  principal: StaffPrincipal | 'system',
  id: string,
  reason: unknown,
  note?: string,
  eventDate?: unknown,
  creditor?: unknown,
) {
  if (!isRemovalReason(reason)) {
    throw new ApiError('VALIDATION_FAILED', {
      field: 'reason',
      message: DOMAIN_ERROR_MESSAGES.INVALID_REMOVAL_REASON,
    });
  }
  const today = todayInChina(ctx.now());
  const result = await ctx.db.transaction(async (tx) => {
    const row = await lockListing(tx, id);
    if (principal !== 'system') assertCanActOnUnit(principal, row.unitId);
    if (row.status === 'removed') throw new ApiError('INVALID_STATE', { message: '该信息已经删除。' });
    const notApplicable = validateRemovalReason(reason, { category: row.category });
    if (notApplicable) throw validationError([notApplicable]);
    const event = readRemovalEventDate(eventDate, { today, filedAt: row.filedAt });
    if (!event.ok) throw validationError([event.error]);
    const asked = removalCreditor(reason, creditor, row);
    if (!asked.ok) throw validationError([asked.error]);
    return applyRemoval(
      tx,
      id,
      reason,
      principal === 'system' ? 'system' : principal.staffId,
      note,
      ctx.now(),
      event.value,
      asked.value,
    );
  });
  ctx.afterCommit();
  return { status: 'removed' as const, ...result };
}

/**
 * Removes a listing (caller holds its row lock) and records the removal clock; returns the clock
 * as the staff response shows it.
 */
export async function applyRemoval(
  tx: Database,
  id: string,
  reason: RemovalReason,
  actor: string,
  note: string | undefined,
  at: Date,
  eventDate: string,
  creditor: string | null = null,
) {
  const clock = removalClock({ eventDate, removedOn: todayInChina(at), today: todayInChina(at) });
  await tx
    .update(listings)
    .set({
      status: 'removed',
      removedAt: at,
      removalReason: reason,
      removalEventDate: eventDate,
      removalDeadline: clock.date,
      removalDeadlineEstimated: clock.estimate,
      removalCreditor: creditor,
    })
    .where(eq(listings.id, id));
  await appendAudit(tx, {
    actor,
    action: 'listing.remove',
    entity: 'listing',
    entityId: id,
    reason,
    details: {
      eventDate,
      deadline: clock.date,
      estimate: clock.estimate,
      state: clock.state,
      ...(note ? { note } : {}),
    },
  });
  await enqueue(tx, { topic: LISTING_CHANGED, key: id, payload: { id, change: 'remove' } });
  return {
    eventDate,
    removalDeadline: clock.date,
    deadlineEstimated: clock.estimate,
    deadlineMet: !clock.overdue,
  };
}
