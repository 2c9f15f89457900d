import type { TipReceipt } from '@portal/contract';
import type { Database } from '@portal/db';
import { idempotencyKeys, tipAttachments, tipWechatLinks } from '@portal/db/schema';
import { inArray, sql } from 'drizzle-orm';
import type { AppDeps } from '../../context.ts';
import { ApiError } from '../../errors.ts';
import { queueMediaChecks } from '../wechat/media-checks.ts';
import { replayOutcome } from './earlier-answer.ts';
import { newTipNotificationsInsert } from './notifications/queue.ts';
import { consumeStagedPhotos } from './photo-uploads.ts';
import type { PreparedTip, TipOutcome } from './prepared-tip.ts';
import { drawRegistrationNumbers } from './registration-numbers.ts';
import { arrayParam, firstLook, rowsOf, tipsInsert } from './tip-batch-sql.ts';
import { sealWithClientKey } from './tip-keyring.ts';
import type { NotifyTargets } from './tips-services.ts';

export interface TipBatchDeps {
  db: Database;
  dbKind?: AppDeps['dbKind'] | undefined;
  notify: NotifyTargets;
}

/** One tip of a batch must not be stored, but the others can be: the batch is rolled back and rerun without it. */
class TipSetAside {
  readonly index: number;
  readonly outcome: TipOutcome;
  constructor(index: number, outcome: TipOutcome) {
    this.index = index;
    this.outcome = outcome;
  }
}

/**
 * Stores tips in ONE transaction (group commit) and answers one outcome per tip, in order. A tip
 * refused for its own reason (listing not published, notice not in force, idempotency key in
 * flight or reused, staged photo gone) gets its own error and the others are stored. If a
 * statement fails without saying for which tip, each tip is retried in a transaction of its own,
 * so each gets its own answer. If the COMMIT fails, every tip answers 503: nothing is
 * acknowledged that may not have been committed (a client retrying with its Idempotency-Key gets
 * the stored answer if the commit did land).
 */
export async function storeTipBatch(
  deps: TipBatchDeps,
  batch: readonly PreparedTip[],
): Promise<TipOutcome[]> {
  const results = new Array<TipOutcome | undefined>(batch.length);
  let pending = batch.map((_, i) => i);
  while (pending.length > 0) {
    const now = pending;
    let committing = false;
    try {
      const outcomes = await deps.db.transaction(async (tx) => {
        const out = await writeTips(
          tx,
          deps,
          now.map((i) => batch[i]!),
        );
        committing = true;
        return out;
      });
      for (const [k, i] of now.entries()) results[i] = outcomes[k];
      pending = [];
    } catch (error) {
      if (error instanceof TipSetAside) {
        const setAside = now[error.index]!;
        results[setAside] = error.outcome;
        pending = now.filter((i) => i !== setAside);
      } else if (committing) {
        const failed = new ApiError('STORAGE_UNAVAILABLE', {
          message: '线索暂时无法保存，请稍后重试。',
          cause: error,
          logDetail: 'tip batch commit failed',
        });
        for (const i of now) results[i] = { ok: false, error: failed };
        pending = [];
      } else if (now.length === 1) {
        results[now[0]!] = { ok: false, error };
        pending = [];
      } else {
        for (const i of now) results[i] = (await storeTipBatch(deps, [batch[i]!]))[0];
        pending = [];
      }
    }
  }
  return results as TipOutcome[];
}

/**
 * The statements of one batch, each for all its tips at once. A first look (one statement): the
 * transaction's time, the keys (PostgreSQL: try the advisory lock, so another process's request
 * in flight answers 409 instead of waiting), earlier answers and the listings. Then notices and
 * registration numbers, staged photos, and ONE insert of the tips, idempotency keys and
 * notifications (outbox); photos and WeChat links, when a tip has them, after it.
 */
async function writeTips(
  tx: Database,
  deps: TipBatchDeps,
  batch: readonly PreparedTip[],
): Promise<TipOutcome[]> {
  const out = new Array<TipOutcome | undefined>(batch.length);
  const live = () => batch.flatMap((_, i) => (out[i] === undefined ? [i] : []));

  const keyed = batch.flatMap((t, i) => (t.idempotency ? [{ i, ...t.idempotency }] : []));
  const look = await firstLook(
    tx,
    keyed.map((k) => k.keyHash),
    // PGlite serves one process, where `inFlight` already answers 409
    deps.dbKind !== 'pglite',
    [...new Set(batch.map((t) => t.fields.listingId))],
  );
  for (const k of keyed) {
    if (look.refused.has(k.keyHash)) out[k.i] = { ok: false, error: new ApiError('IDEMPOTENCY_IN_FLIGHT') };
    else {
      const row = look.earlier.get(k.keyHash);
      if (row) out[k.i] = replayOutcome(row, k);
    }
  }
  for (const i of live())
    if (look.listings.get(batch[i]!.fields.listingId)?.status !== 'published')
      out[i] = {
        ok: false,
        error: new ApiError('LISTING_NOT_FOUND', {
          field: 'listingId',
          message: '未找到该公布中的失信信息，请从信息详情页进入举报。',
        }),
      };

  const registrationNo = await drawRegistrationNumbers(tx, batch, out, live());

  const stored = live();
  if (stored.length === 0) return out as TipOutcome[];
  for (const i of stored) {
    const t = batch[i]!;
    if (t.staged.length === 0) continue;
    try {
      await consumeStagedPhotos(tx, t.staged, t.fields.photoIds ?? []);
    } catch (error) {
      if (error instanceof ApiError) throw new TipSetAside(i, { ok: false, error });
      throw error;
    }
  }

  // `created_at` defaults to now(), the transaction's time the first look read
  const submittedAt = look.now.toISOString();
  const answers = new Map<number, TipReceipt>();
  for (const i of stored) {
    const n = registrationNo.get(i);
    answers.set(i, {
      receipt: batch[i]!.receipt,
      submittedAt,
      ...(n === undefined ? {} : { registrationNo: n }),
    });
  }
  const claims = stored.flatMap((i) => {
    const key = batch[i]!.idempotency;
    return key ? [{ i, ...key }] : [];
  });
  const notifications = newTipNotificationsInsert(
    deps.notify,
    stored.map((i) => ({
      tipId: batch[i]!.tipId,
      unitId: look.listings.get(batch[i]!.fields.listingId)?.unitId ?? null,
    })),
  );
  // one statement: tips, keys (with the sealed answer) and notifications, a parameter per column
  const [result] = rowsOf<{ tips: number; keys: string }>(
    await tx.execute(sql`
      with t as (${tipsInsert(batch, stored, registrationNo)}),
      k as (${
        claims.length === 0
          ? sql`select null::text as key_hash where false`
          : sql`insert into ${idempotencyKeys} (key_hash, scope, fingerprint, response_sealed)
              select k, 'tip', f, r from unnest(${arrayParam(
                claims.map((k) => k.keyHash),
                'text',
              )}, ${arrayParam(
                claims.map((k) => k.fingerprint),
                'text',
              )}, ${arrayParam(
                claims.map((k) => sealWithClientKey(k.clientKey, JSON.stringify(answers.get(k.i)))),
                'text',
              )}) as v(k, f, r)
              on conflict do nothing
              returning key_hash`
      })${notifications ? sql`, n as (${notifications} returning id)` : sql``}
      select (select count(*) from t)::int as tips,
        (select coalesce(json_agg(key_hash), '[]')::text from k) as keys`),
  );
  if (Number(result?.tips) !== stored.length)
    throw new Error('tip batch insert stored a different number of tips');
  const mine = new Set(JSON.parse(result!.keys) as string[]);
  const lost = claims.find((k) => !mine.has(k.keyHash));
  if (lost) {
    // committed by another process meanwhile: that tip answers what it answered, the rest is redone
    const [row] = await tx
      .select()
      .from(idempotencyKeys)
      .where(inArray(idempotencyKeys.keyHash, [lost.keyHash]));
    throw new TipSetAside(lost.i, replayOutcome(row!, lost));
  }

  const attachmentRows = stored.flatMap((i) => batch[i]!.attachments);
  if (attachmentRows.length > 0) await tx.insert(tipAttachments).values(attachmentRows);
  const links = stored.flatMap((i) => {
    const t = batch[i]!;
    return t.openidSealed ? [{ tipId: t.tipId, openidSealed: t.openidSealed }] : [];
  });
  if (links.length > 0) await tx.insert(tipWechatLinks).values(links);
  for (const i of stored) {
    const t = batch[i]!;
    // photos from the mini-program go to WeChat's mediaCheckAsync after the commit (outbox)
    if (t.mediaChecks)
      await queueMediaChecks(
        tx,
        t.tipId,
        t.attachments.map((a) => a.id),
      );
  }
  for (const i of stored) out[i] = { ok: true, receipt: answers.get(i)! };
  return out as TipOutcome[];
}
