import { createHash, randomBytes } from 'node:crypto';
import { appendAudit, newId } from '@portal/db';
import { correctionRequests, listings } from '@portal/db/schema';
import {
  CORRECTION_GROUNDS,
  correctionFixClock,
  correctionFixDeadline,
  daysBetween,
  todayInChina,
  validateCorrectionRequest,
} from '@portal/domain';
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { AppDeps } from '../../context.ts';
import { ApiError } from '../../errors.ts';
import type { StaffPrincipal } from '../staff/staff-auth.ts';

const RECEIPT_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

function receiptCode(): string {
  return `JZ${Array.from(randomBytes(10), (b) => RECEIPT_ALPHABET[b % RECEIPT_ALPHABET.length]).join('')}`;
}

export interface CorrectionReceipt {
  id: string;
  receiptCode: string;
  reviewDeadline: string;
}

type Deps = Pick<AppDeps, 'db' | 'now' | 'sealedBox'>;

/**
 * Stores a correction request (arts. 11–12) with the requester's contact sealed, and an audit
 * entry without personal data. A retried submission with the same Idempotency-Key returns the
 * first receipt instead of storing a second request.
 */
export async function submitCorrection(
  deps: Deps,
  input: unknown,
  idempotencyKey?: string,
): Promise<CorrectionReceipt> {
  const today = todayInChina(deps.now());
  const checked = validateCorrectionRequest(input, { today });
  if (!checked.ok) {
    const first = checked.errors[0];
    throw new ApiError('VALIDATION_FAILED', {
      ...(first ? { message: first.message, field: first.field || undefined } : {}),
      details: { errors: checked.errors },
    });
  }
  const req = checked.value;
  const keyHash = idempotencyKey ? createHash('sha256').update(idempotencyKey).digest('hex') : null;
  return deps.db.transaction(async (tx) => {
    if (keyHash) {
      const [earlier] = await tx
        .select()
        .from(correctionRequests)
        .where(eq(correctionRequests.idempotencyKeyHash, keyHash));
      if (earlier)
        return { id: earlier.id, receiptCode: earlier.receiptCode, reviewDeadline: earlier.reviewDeadline };
    }
    const [listing] = await tx
      .select({ status: listings.status })
      .from(listings)
      .where(eq(listings.id, req.listingId));
    if (listing?.status !== 'published') {
      throw new ApiError('LISTING_NOT_FOUND', {
        field: 'listingId',
        message: '未找到该公布中的失信信息，请从信息详情页提交申请。',
      });
    }
    const id = newId('J');
    const code = receiptCode();
    const contact = {
      name: req.requesterName,
      phone: req.requesterPhone,
      idNumber: req.requesterIdNumber ?? null,
    };
    await tx.insert(correctionRequests).values({
      id,
      listingId: req.listingId,
      grounds: req.grounds,
      explanation: req.explanation,
      contactSealed: deps.sealedBox.seal(JSON.stringify(contact)),
      receiptCode: code,
      idempotencyKeyHash: keyHash,
      receivedOn: today,
      reviewDeadline: req.reviewDeadline,
    });
    await appendAudit(tx, {
      actor: 'public',
      action: 'correction.submit',
      entity: 'correction',
      entityId: id,
      details: { listingId: req.listingId, grounds: req.grounds },
    });
    return { id, receiptCode: code, reviewDeadline: req.reviewDeadline };
  });
}

/**
 * Staff view with the legal clocks: days left of the 15-day review, overdue flag, and the
 * 3-working-day correction deadline once accepted. Reading contacts is audited.
 */
export async function listCorrectionsForStaff(
  deps: Deps,
  principal: StaffPrincipal,
  opts: { status?: string },
) {
  const conditions: SQL[] = [];
  if (opts.status) conditions.push(eq(correctionRequests.status, opts.status as 'received'));
  // unit members see their unit's requests; custodians (no unit) see none
  if (principal.role !== 'court_admin') conditions.push(eq(listings.unitId, principal.unitId ?? ''));
  const rows = await deps.db
    .select({
      c: correctionRequests,
      listingName: listings.name,
      caseNo: listings.caseNo,
      unitId: listings.unitId,
    })
    .from(correctionRequests)
    .innerJoin(listings, eq(listings.id, correctionRequests.listingId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(correctionRequests.reviewDeadline))
    .limit(200);
  const today = todayInChina(deps.now());
  const items = rows.map(({ c, listingName, caseNo }) => {
    const contact = JSON.parse(deps.sealedBox.open(c.contactSealed)) as {
      name: string;
      phone: string;
      idNumber: string | null;
    };
    const daysLeft = daysBetween(today, c.reviewDeadline);
    return {
      id: c.id,
      receiptCode: c.receiptCode,
      listingId: c.listingId,
      listingName,
      caseNo,
      grounds: c.grounds,
      groundsLabel: CORRECTION_GROUNDS.find((g) => g.code === c.grounds)?.label ?? c.grounds,
      explanation: c.explanation,
      requester: contact,
      status: c.status,
      receivedOn: c.receivedOn,
      reviewDeadline: c.reviewDeadline,
      reviewDaysLeft: daysLeft,
      overdue: c.status === 'received' && daysLeft < 0,
      fixDeadline: c.fixDeadline,
      fixClock: fixClockOf(c, today),
    };
  });
  if (items.length > 0) {
    await appendAudit(deps.db, {
      actor: principal.staffId,
      action: 'correction.contact.read',
      entity: 'correction',
      entityId: items.length === 1 ? items[0]!.id : '*',
      details: { ids: items.map((i) => i.id) },
    });
  }
  return { items, total: items.length };
}

/** Records the review decision; an accepted request gets its 3-working-day correction deadline. */
export async function decideCorrection(
  deps: Deps,
  principal: StaffPrincipal,
  id: string,
  decision: unknown,
  /** why: kept in the audit chain with the decision (arts. 11–12, 全程留痕) */
  reasons?: string,
) {
  if (decision !== 'accepted' && decision !== 'rejected') {
    throw new ApiError('VALIDATION_FAILED', {
      field: 'decision',
      message: '审查结论只能是 accepted（予以纠正）或 rejected（驳回）。',
    });
  }
  const verdict: 'accepted' | 'rejected' = decision;
  const today = todayInChina(deps.now());
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ status: correctionRequests.status, unitId: listings.unitId })
      .from(correctionRequests)
      .innerJoin(listings, eq(listings.id, correctionRequests.listingId))
      .where(inArray(correctionRequests.id, [id]));
    if (!row) throw new ApiError('NOT_FOUND', { message: '未找到该纠正申请。' });
    if (principal.role !== 'court_admin' && (!principal.unitId || row.unitId !== principal.unitId)) {
      throw new ApiError('FORBIDDEN', { message: '您只能处理本执行单元案件的纠正申请。' });
    }
    if (row.status !== 'received') throw new ApiError('INVALID_STATE', { message: '该申请已作出审查结论。' });
    const fixDeadline = decision === 'accepted' ? correctionFixDeadline(today) : null;
    await tx
      .update(correctionRequests)
      .set({ status: decision, decidedAt: deps.now(), fixDeadline })
      .where(eq(correctionRequests.id, id));
    await appendAudit(tx, {
      actor: principal.staffId,
      action: `correction.${decision}`,
      entity: 'correction',
      entityId: id,
      ...(reasons ? { reason: reasons } : {}),
    });
    return { status: verdict, fixDeadline };
  });
}

/** The art. 12 clock of an accepted request (decided → fixed within 3 working days), else null. */
function fixClockOf(c: { status: string; decidedAt: Date | null; fixedOn: string | null }, today: string) {
  if (c.status !== 'accepted' || !c.decidedAt) return null;
  const clock = correctionFixClock({ decidedOn: todayInChina(c.decidedAt), fixedOn: c.fixedOn, today });
  return { ...clock, fixedOn: c.fixedOn };
}

/**
 * Records that an accepted correction has been carried out (the listing edited or removed):
 * `fixing → fixed`, overdue when later than 3 working days after the decision (art. 12). Audited.
 */
export async function markCorrectionFixed(deps: Deps, principal: StaffPrincipal, id: string) {
  const today = todayInChina(deps.now());
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ c: correctionRequests, unitId: listings.unitId })
      .from(correctionRequests)
      .innerJoin(listings, eq(listings.id, correctionRequests.listingId))
      .where(eq(correctionRequests.id, id));
    if (!row) throw new ApiError('NOT_FOUND', { message: '未找到该纠正申请。' });
    if (principal.role !== 'court_admin' && (!principal.unitId || row.unitId !== principal.unitId)) {
      throw new ApiError('FORBIDDEN', { message: '您只能处理本执行单元案件的纠正申请。' });
    }
    if (row.c.status !== 'accepted') {
      throw new ApiError('INVALID_STATE', { message: '只有予以纠正的申请才需要记录更正完成。' });
    }
    if (row.c.fixedOn) throw new ApiError('INVALID_STATE', { message: '该申请已记录更正完成。' });
    await tx.update(correctionRequests).set({ fixedOn: today }).where(eq(correctionRequests.id, id));
    const clock = fixClockOf({ ...row.c, fixedOn: today }, today)!;
    await appendAudit(tx, {
      actor: principal.staffId,
      action: 'correction.fixed',
      entity: 'correction',
      entityId: id,
      details: { deadline: clock.date, overdue: clock.overdue },
    });
    return clock;
  });
}
