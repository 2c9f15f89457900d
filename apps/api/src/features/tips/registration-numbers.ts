import type { Database } from '@portal/db';
import { rewardNotices } from '@portal/db/schema';
import { isRewardInForce } from '@portal/domain';
import { inArray, sql } from 'drizzle-orm';
import { ApiError } from '../../errors.ts';
import type { PreparedTip, TipOutcome } from './prepared-tip.ts';

/**
 * Art. 23: registration numbers per notice, gapless and in commit order. One UPDATE per notice
 * adds the batch's claims at once; its row lock orders concurrent batches (and processes), and
 * the batch's claims are numbered in arrival order.
 */
export async function drawRegistrationNumbers(
  tx: Database,
  batch: readonly PreparedTip[],
  out: (TipOutcome | undefined)[],
  live: number[],
): Promise<Map<number, number>> {
  const numbers = new Map<number, number>();
  const claiming = live.filter((i) => batch[i]!.fields.rewardNoticeId);
  if (claiming.length === 0) return numbers;
  const notices = await tx
    .select()
    .from(rewardNotices)
    .where(inArray(rewardNotices.id, [...new Set(claiming.map((i) => batch[i]!.fields.rewardNoticeId!))]));
  const noticeOf = new Map(notices.map((n) => [n.id, n]));
  const perNotice = new Map<string, number[]>();
  for (const i of claiming) {
    const { fields, today } = batch[i]!;
    const notice = noticeOf.get(fields.rewardNoticeId!);
    if (
      !notice ||
      notice.listingId !== fields.listingId ||
      !isRewardInForce(
        { status: notice.status, startsOn: notice.startsOn, endsOn: notice.endsOn },
        true,
        today,
      )
    ) {
      out[i] = {
        ok: false,
        error: new ApiError('NOT_FOUND', {
          field: 'rewardNoticeId',
          message: '该悬赏公告不存在或已结束，线索仍可不申领悬赏提交。',
        }),
      };
      continue;
    }
    perNotice.set(notice.id, [...(perNotice.get(notice.id) ?? []), i]);
  }
  for (const [noticeId, claims] of perNotice) {
    const [seq] = await tx
      .update(rewardNotices)
      .set({ tipSeq: sql`${rewardNotices.tipSeq} + ${claims.length}` })
      .where(inArray(rewardNotices.id, [noticeId]))
      .returning({ n: rewardNotices.tipSeq });
    const first = seq!.n - claims.length + 1;
    for (const [k, i] of claims.entries()) numbers.set(i, first + k);
  }
  return numbers;
}
