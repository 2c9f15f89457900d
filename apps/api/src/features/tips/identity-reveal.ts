import { appendAudit, newId } from '@portal/db';
import {
  executionUnits,
  listings,
  staff,
  type TipRevealRequestRow,
  tipRevealRequests,
  tips,
} from '@portal/db/schema';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { AppDeps } from '../../context.ts';
import { ApiError } from '../../errors.ts';
import type { StaffPrincipal } from '../staff/principal.ts';
import { CONTACT_AAD } from './tip-intake.ts';
import type { TipsServices } from './tips-services.ts';

type Deps = Pick<AppDeps, 'db' | 'now'> & { tips: TipsServices };

/**
 * Seeing who sent a tip takes three audited steps: a unit member of the tip's unit asks (with a
 * reason), a custodian approves, then that member reveals it (once). No custodian, no reveal:
 * nothing approves itself, and a court admin cannot approve either.
 */
function view(r: TipRevealRequestRow, names: { requestedByName: string; unitName: string | null }) {
  return {
    id: r.id,
    tipId: r.tipId,
    unitId: r.unitId,
    requestedBy: r.requestedBy,
    requestedByName: names.requestedByName,
    unitName: names.unitName,
    reason: r.reason,
    status: r.status,
    requestedAt: r.requestedAt.toISOString(),
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decisionNote: r.decisionNote,
  };
}

type Tx = Parameters<Parameters<Deps['db']['transaction']>[0]>[0];

/** Who asked and for which unit, so the custodian can judge a request without opening the tip. */
async function namesOf(db: Deps['db'] | Tx, r: TipRevealRequestRow) {
  const [who] = await db.select({ name: staff.name }).from(staff).where(eq(staff.id, r.requestedBy));
  const [unit] = r.unitId
    ? await db
        .select({ name: executionUnits.name })
        .from(executionUnits)
        .where(eq(executionUnits.id, r.unitId))
    : [];
  return { requestedByName: who?.name ?? r.requestedBy, unitName: unit?.name ?? null };
}

export async function requestReveal(deps: Deps, principal: StaffPrincipal, tipId: string, reason: string) {
  return deps.db.transaction(async (tx) => {
    const [tip] = await tx
      .select({ unitId: listings.unitId, hasContact: tips.hasContact })
      .from(tips)
      .innerJoin(listings, eq(listings.id, tips.listingId))
      .where(eq(tips.id, tipId));
    if (!tip) throw new ApiError('NOT_FOUND', { message: '未找到该线索。' });
    if (principal.role !== 'unit_member' || !principal.unitId || principal.unitId !== tip.unitId)
      throw new ApiError('FORBIDDEN', { message: '只有承办该案件的执行单元成员可以申请查看举报人身份。' });
    if (!tip.hasContact)
      throw new ApiError('INVALID_STATE', { message: '该线索为匿名提交，没有可查看的身份信息。' });
    const [row] = await tx
      .insert(tipRevealRequests)
      .values({ id: newId('V'), tipId, unitId: tip.unitId, requestedBy: principal.staffId, reason })
      .returning();
    await appendAudit(tx, {
      actor: principal.staffId,
      action: 'tip.identity.request',
      entity: 'tip',
      entityId: tipId,
      reason,
      details: { requestId: row!.id },
    });
    return view(row!, await namesOf(tx, row!));
  });
}

export async function listRevealRequests(
  deps: Deps,
  principal: StaffPrincipal,
  filter: { status?: TipRevealRequestRow['status'] | undefined; tipId?: string | undefined } = {},
) {
  const scope: SQL | undefined =
    principal.role === 'unit_member' ? eq(tipRevealRequests.unitId, principal.unitId ?? '') : undefined;
  const rows = await deps.db
    .select({ r: tipRevealRequests, requestedByName: staff.name, unitName: executionUnits.name })
    .from(tipRevealRequests)
    .leftJoin(staff, eq(staff.id, tipRevealRequests.requestedBy))
    .leftJoin(executionUnits, eq(executionUnits.id, tipRevealRequests.unitId))
    .where(
      and(
        scope,
        filter.status ? eq(tipRevealRequests.status, filter.status) : undefined,
        filter.tipId ? eq(tipRevealRequests.tipId, filter.tipId) : undefined,
      ),
    )
    .orderBy(desc(tipRevealRequests.requestedAt))
    .limit(200);
  const items = rows.map(({ r, requestedByName, unitName }) =>
    view(r, { requestedByName: requestedByName ?? r.requestedBy, unitName }),
  );
  return { items, total: items.length };
}

export async function decideReveal(
  deps: Deps,
  principal: StaffPrincipal,
  id: string,
  decision: 'approved' | 'rejected',
  note: string | undefined,
) {
  if (principal.role !== 'custodian')
    throw new ApiError('FORBIDDEN', { message: '只有身份信息保管人可以批准或驳回查看申请。' });
  return deps.db.transaction(async (tx) => {
    const [row] = await tx.select().from(tipRevealRequests).where(eq(tipRevealRequests.id, id)).for('update');
    if (!row) throw new ApiError('NOT_FOUND', { message: '未找到该申请。' });
    if (row.status !== 'pending') throw new ApiError('INVALID_STATE', { message: '该申请已作出决定。' });
    const [updated] = await tx
      .update(tipRevealRequests)
      .set({
        status: decision,
        decidedBy: principal.staffId,
        decidedAt: deps.now(),
        decisionNote: note || null,
      })
      .where(eq(tipRevealRequests.id, id))
      .returning();
    await appendAudit(tx, {
      actor: principal.staffId,
      action: `tip.identity.${decision === 'approved' ? 'approve' : 'reject'}`,
      entity: 'tip',
      entityId: row.tipId,
      ...(note ? { reason: note } : {}),
      details: { requestId: id },
    });
    return view(updated!, await namesOf(tx, updated!));
  });
}

/** The approved requester sees the identity once; the reveal is audited in the same transaction. */
export async function revealIdentity(deps: Deps, principal: StaffPrincipal, id: string) {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx.select().from(tipRevealRequests).where(eq(tipRevealRequests.id, id)).for('update');
    if (!row) throw new ApiError('NOT_FOUND', { message: '未找到该申请。' });
    if (row.requestedBy !== principal.staffId)
      throw new ApiError('FORBIDDEN', { message: '只有提出申请的工作人员可以查看。' });
    if (row.status !== 'approved')
      throw new ApiError('INVALID_STATE', {
        message:
          row.status === 'revealed'
            ? '该申请已查看过一次，如需再次查看请重新申请。'
            : '该申请尚未获保管人批准。',
      });
    const [tip] = await tx
      .select({ contactSealed: tips.contactSealed })
      .from(tips)
      .where(eq(tips.id, row.tipId));
    const contact = tip?.contactSealed
      ? (JSON.parse(deps.tips.keyring.open('tip-contact', tip.contactSealed, CONTACT_AAD(row.tipId))) as {
          name: string | null;
          phone: string | null;
        })
      : { name: null, phone: null };
    const revealedAt = deps.now();
    await tx
      .update(tipRevealRequests)
      .set({ status: 'revealed', revealedAt })
      .where(eq(tipRevealRequests.id, id));
    await appendAudit(tx, {
      actor: principal.staffId,
      action: 'tip.identity.reveal',
      entity: 'tip',
      entityId: row.tipId,
      details: { requestId: id },
    });
    return {
      tipId: row.tipId,
      contactName: contact.name,
      contactPhone: contact.phone,
      revealedAt: revealedAt.toISOString(),
    };
  });
}
