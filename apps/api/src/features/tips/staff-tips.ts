import type { StaffTipDetail } from '@portal/contract';
import { appendAudit, newId } from '@portal/db';
import { listings, type TipRow, tipAttachments, tipEvents, tips } from '@portal/db/schema';
import {
  canMoveTip,
  TIP_KIND_LABELS,
  TIP_STATUS_LABELS,
  type TipStatus,
  tipOpenClock,
  todayInChina,
} from '@portal/domain';
import { and, asc, count, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { AppDeps } from '../../context.ts';
import { ApiError } from '../../errors.ts';
import type { StaffPrincipal } from '../staff/principal.ts';
import { queueTipStatusMessage } from '../wechat/tip-status-messages.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;
const PAGE_SIZE = 50;

/**
 * Who may see which tips: a court admin all, a unit member its own unit's listings' tips, nobody
 * else (a custodian approves reveals, it does not read tips).
 */
function unitScope(principal: StaffPrincipal): SQL | undefined {
  if (principal.role === 'court_admin') return undefined;
  if (principal.role === 'unit_member' && principal.unitId) return eq(listings.unitId, principal.unitId);
  throw new ApiError('FORBIDDEN', { message: '只有执行单元成员和法院管理员可以查看举报线索。' });
}

function assertSeesTip(principal: StaffPrincipal, unitId: string | null): void {
  if (principal.role === 'court_admin') return;
  if (principal.role === 'unit_member' && principal.unitId && principal.unitId === unitId) return;
  throw new ApiError('FORBIDDEN', { message: '您只能查看本执行单元案件的举报线索。' });
}

const summaryColumns = {
  tip: tips,
  listingName: listings.name,
  caseNo: listings.caseNo,
  unitId: listings.unitId,
};

function summary(
  row: { tip: TipRow; listingName: string; caseNo: string; unitId: string | null },
  now: Date,
) {
  const t = row.tip;
  return {
    id: t.id,
    listingId: t.listingId,
    listingName: row.listingName,
    caseNo: row.caseNo,
    unitId: row.unitId,
    kind: t.kind,
    kindLabel: TIP_KIND_LABELS[t.kind],
    assetType: t.assetType,
    consumptionItem: t.consumptionItem,
    description: t.description,
    status: t.status,
    statusLabel: TIP_STATUS_LABELS[t.status],
    receivedAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    openedAt: t.openedAt?.toISOString() ?? null,
    hasContact: t.hasContact,
    photoCount: t.photoCount,
    rewardNoticeId: t.rewardNoticeId,
    registrationNo: t.registrationNo,
    openClock: tipOpenClock({
      receivedOn: todayInChina(t.createdAt),
      openedOn: t.openedAt ? todayInChina(t.openedAt) : null,
      today: todayInChina(now),
    }),
  };
}

export async function listTipsForStaff(
  deps: Deps,
  principal: StaffPrincipal,
  opts: { status?: TipStatus | undefined; page: number },
) {
  const where = and(unitScope(principal), opts.status ? eq(tips.status, opts.status) : undefined);
  const [rows, [total]] = await Promise.all([
    deps.db
      .select(summaryColumns)
      .from(tips)
      .innerJoin(listings, eq(listings.id, tips.listingId))
      .where(where)
      // the inbox order: unopened tips first, then the oldest (the one waiting longest) first
      .orderBy(sql`${tips.openedAt} is null desc`, asc(tips.createdAt), asc(tips.id))
      .limit(PAGE_SIZE)
      .offset((opts.page - 1) * PAGE_SIZE),
    deps.db
      .select({ n: count() })
      .from(tips)
      .innerJoin(listings, eq(listings.id, tips.listingId))
      .where(where),
  ]);
  return { items: rows.map((r) => summary(r, deps.now())), total: total?.n ?? 0 };
}

async function loadTip(deps: Deps, principal: StaffPrincipal, id: string) {
  const [row] = await deps.db
    .select(summaryColumns)
    .from(tips)
    .innerJoin(listings, eq(listings.id, tips.listingId))
    .where(eq(tips.id, id));
  if (!row) throw new ApiError('NOT_FOUND', { message: '未找到该线索。' });
  assertSeesTip(principal, row.unitId);
  return row;
}

/** The tip with photos (staff-only URLs) and history. The first opening is recorded (stops reminders). */
export async function tipDetailForStaff(
  deps: Deps,
  principal: StaffPrincipal,
  id: string,
): Promise<StaffTipDetail> {
  let row = await loadTip(deps, principal, id);
  if (!row.tip.openedAt) {
    await deps.db
      .update(tips)
      .set({ openedAt: sql`now()` })
      .where(and(eq(tips.id, id), isNull(tips.openedAt)));
    row = await loadTip(deps, principal, id);
  }
  const [attachments, events] = await Promise.all([
    deps.db.select().from(tipAttachments).where(eq(tipAttachments.tipId, id)).orderBy(asc(tipAttachments.id)),
    deps.db
      .select()
      .from(tipEvents)
      .where(eq(tipEvents.tipId, id))
      .orderBy(asc(tipEvents.at), asc(tipEvents.id)),
  ]);
  const t = row.tip;
  return {
    ...summary(row, deps.now()),
    seenAt: t.seenAt?.toISOString() ?? null,
    place: t.place,
    location:
      t.locationLat !== null && t.locationLng !== null ? { lat: t.locationLat, lng: t.locationLng } : null,
    attachments: attachments.map((a) => ({
      id: a.id,
      url: `/api/v1/admin/tips/${id}/attachments/${a.id}`,
      contentType: a.contentType,
      bytes: a.bytes,
      width: a.width,
      height: a.height,
      quarantined: a.quarantinedAt !== null,
    })),
    messages: events
      .filter((e) => e.messageToTipster)
      .map((e) => ({ at: e.at.toISOString(), text: e.messageToTipster ?? '' })),
    history: events.map((e) => ({
      at: e.at.toISOString(),
      status: e.status,
      note: e.note,
      staffId: e.staffId,
    })),
  };
}

/** received → in_review → verified / not_useful → closed; the message (if any) is shown on look-up. */
export async function changeTipStatus(
  deps: Deps,
  principal: StaffPrincipal,
  id: string,
  change: { status: TipStatus; note?: string | undefined; messageToTipster?: string | undefined },
): Promise<StaffTipDetail> {
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ status: tips.status, unitId: listings.unitId })
      .from(tips)
      .innerJoin(listings, eq(listings.id, tips.listingId))
      .where(eq(tips.id, id))
      .for('update', { of: tips });
    if (!row) throw new ApiError('NOT_FOUND', { message: '未找到该线索。' });
    assertSeesTip(principal, row.unitId);
    const sameStatusMessage =
      row.status === change.status && change.messageToTipster && row.status !== 'closed';
    if (!sameStatusMessage && !canMoveTip(row.status, change.status))
      throw new ApiError('INVALID_STATE', {
        field: 'status',
        message: `线索当前为“${TIP_STATUS_LABELS[row.status]}”，不能改为“${TIP_STATUS_LABELS[change.status]}”。`,
      });
    await tx
      .update(tips)
      .set({ status: change.status, updatedAt: sql`now()`, openedAt: sql`coalesce(${tips.openedAt}, now())` })
      .where(eq(tips.id, id));
    await tx.insert(tipEvents).values({
      id: newId('E'),
      tipId: id,
      staffId: principal.staffId,
      status: change.status,
      note: change.note || null,
      messageToTipster: change.messageToTipster || null,
    });
    if (row.status !== change.status) await queueTipStatusMessage(tx, id, change.status);
    await appendAudit(tx, {
      actor: principal.staffId,
      action: 'tip.status',
      entity: 'tip',
      entityId: id,
      details: { from: row.status, to: change.status },
    });
  });
  return tipDetailForStaff(deps, principal, id);
}

export async function attachmentForStaff(
  deps: Deps,
  principal: StaffPrincipal,
  tipId: string,
  attachmentId: string,
) {
  await loadTip(deps, principal, tipId);
  const [a] = await deps.db
    .select()
    .from(tipAttachments)
    .where(and(eq(tipAttachments.id, attachmentId), eq(tipAttachments.tipId, tipId)));
  if (!a) throw new ApiError('NOT_FOUND', { message: '未找到该附件。' });
  if (a.quarantinedAt) throw new ApiError('PHOTO_QUARANTINED');
  return a;
}
