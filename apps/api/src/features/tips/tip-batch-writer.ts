import type { TipReceipt, TipSubmit } from '@portal/contract';
import type { Database } from '@portal/db';
import {
  type IdempotencyKeyRow,
  idempotencyKeys,
  listings,
  rewardNotices,
  tipAttachments,
  tips,
  tipWechatLinks,
} from '@portal/db/schema';
import { isRewardInForce } from '@portal/domain';
import { inArray, sql } from 'drizzle-orm';
import type { AppDeps } from '../../context.ts';
import { ApiError } from '../../errors.ts';
import { queueMediaChecks } from '../wechat/media-checks.ts';
import { queueNewTipNotifications } from './notifications/queue.ts';
import { consumeStagedPhotos, type StagedPhoto } from './photo-uploads.ts';
import { openWithClientKey, sealWithClientKey } from './tip-keyring.ts';
import type { NotifyTargets } from './tips-services.ts';

/**
 * A tip ready to be stored: everything that needs no database (files written, moderation,
 * receipt, seals) is done before it joins a batch, so the transaction holds only statements.
 */
export interface PreparedTip {
  tipId: string;
  fields: Omit<TipSubmit, 'website'>;
  receipt: string;
  receiptHash: string;
  contactSealed: string | null;
  /** uploads named by id, consumed (deleted) in the transaction */
  staged: StagedPhoto[];
  /** every photo of the tip: staged ones and those sent with it */
  attachments: (typeof tipAttachments.$inferInsert)[];
  openidSealed: string | null;
  /** queue WeChat's media check of the photos after the commit (mini-program tips) */
  mediaChecks: boolean;
  idempotency: { keyHash: string; clientKey: string; fingerprint: string } | null;
  /** the day (China time) the tip arrived, for "is the 悬赏 notice in force" */
  today: string;
}

export type TipOutcome = { ok: true; receipt: TipReceipt } | { ok: false; error: unknown };

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
 * The statements of one batch, each for all its tips at once: claim the keys (PostgreSQL: try
 * the advisory lock, so another process's request in flight answers 409 instead of waiting),
 * find earlier answers, check listings and notices, draw registration numbers, insert tips,
 * photos, idempotency keys and notifications (outbox).
 */
async function writeTips(
  tx: Database,
  deps: TipBatchDeps,
  batch: readonly PreparedTip[],
): Promise<TipOutcome[]> {
  const out = new Array<TipOutcome | undefined>(batch.length);
  const live = () => batch.flatMap((_, i) => (out[i] === undefined ? [i] : []));

  const keyed = batch.flatMap((t, i) => (t.idempotency ? [{ i, ...t.idempotency }] : []));
  if (keyed.length > 0) {
    if (deps.dbKind !== 'pglite') {
      // PGlite serves one process, where `inFlight` already answers 409
      const locks = rowsOf<{ k: string; ok: boolean }>(
        await tx.execute(
          sql`select k, pg_try_advisory_xact_lock(hashtextextended(k, 0)) as ok from (values ${sql.join(
            keyed.map((k) => sql`(${k.keyHash})`),
            sql`, `,
          )}) as v(k)`,
        ),
      );
      const refused = new Set(locks.filter((l) => l.ok === false).map((l) => l.k));
      for (const k of keyed)
        if (refused.has(k.keyHash)) out[k.i] = { ok: false, error: new ApiError('IDEMPOTENCY_IN_FLIGHT') };
    }
    const open = keyed.filter((k) => out[k.i] === undefined);
    const earlier =
      open.length === 0
        ? []
        : await tx
            .select()
            .from(idempotencyKeys)
            .where(
              inArray(
                idempotencyKeys.keyHash,
                open.map((k) => k.keyHash),
              ),
            );
    const byHash = new Map(earlier.map((r) => [r.keyHash, r]));
    for (const k of open) {
      const row = byHash.get(k.keyHash);
      if (row) out[k.i] = replayOutcome(row, k);
    }
  }

  const listingIds = [...new Set(live().map((i) => batch[i]!.fields.listingId))];
  const found =
    listingIds.length === 0
      ? []
      : await tx
          .select({ id: listings.id, status: listings.status, unitId: listings.unitId })
          .from(listings)
          .where(inArray(listings.id, listingIds));
  const listingOf = new Map(found.map((l) => [l.id, l]));
  for (const i of live())
    if (listingOf.get(batch[i]!.fields.listingId)?.status !== 'published')
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
  const inserted = await insertTips(tx, batch, stored, registrationNo);
  const createdAt = new Map(inserted.map((r) => [r.id, r.createdAt]));

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

  const answers = new Map<number, TipReceipt>();
  for (const i of stored) {
    const n = registrationNo.get(i);
    answers.set(i, {
      receipt: batch[i]!.receipt,
      submittedAt: createdAt.get(batch[i]!.tipId)!.toISOString(),
      ...(n === undefined ? {} : { registrationNo: n }),
    });
  }
  const claims = stored.flatMap((i) => {
    const key = batch[i]!.idempotency;
    return key ? [{ i, ...key }] : [];
  });
  if (claims.length > 0) {
    // one statement and four array parameters for the batch (not a parameter per column and row)
    const claimed = rowsOf<{ key_hash: string }>(
      await tx.execute(sql`
        insert into ${idempotencyKeys} (key_hash, scope, fingerprint, response_sealed)
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
        returning key_hash`),
    ).map((r) => ({ keyHash: r.key_hash }));
    const mine = new Set(claimed.map((c) => c.keyHash));
    const lost = claims.find((k) => !mine.has(k.keyHash));
    if (lost) {
      // committed by another process meanwhile: that tip answers what it answered, the rest is redone
      const [row] = await tx
        .select()
        .from(idempotencyKeys)
        .where(inArray(idempotencyKeys.keyHash, [lost.keyHash]));
      throw new TipSetAside(lost.i, replayOutcome(row!, lost));
    }
  }

  await queueNewTipNotifications(
    tx,
    deps.notify,
    stored.map((i) => ({
      tipId: batch[i]!.tipId,
      unitId: listingOf.get(batch[i]!.fields.listingId)?.unitId ?? null,
    })),
  );
  for (const i of stored) out[i] = { ok: true, receipt: answers.get(i)! };
  return out as TipOutcome[];
}

/**
 * One parameter holding a whole column of a batch: a PostgreSQL array literal sent as text and
 * cast to `type[]` by the server (both drivers pass a string through as it is; neither
 * serialises a JS array the same way).
 */
function arrayParam(values: readonly (string | number | null)[], type: string) {
  const literal = `{${values
    .map((v) => (v === null ? 'NULL' : `"${String(v).replace(/[\\"]/g, (c) => `\\${c}`)}"`))
    .join(',')}}`;
  return sql`${literal}::text::${sql.raw(type)}[]`;
}

/**
 * The batch's tips in ONE insert whose parameters are one array per column (`unnest`): the
 * statement text is the same for every batch size, and building it costs the same for 1 tip or
 * 64 (a multi-row VALUES costs a parameter per column and tip to build, send and parse).
 */
async function insertTips(
  tx: Database,
  batch: readonly PreparedTip[],
  stored: number[],
  registrationNo: Map<number, number>,
): Promise<{ id: string; createdAt: Date }[]> {
  const col = <T>(pick: (t: PreparedTip, i: number) => T) => stored.map((i) => pick(batch[i]!, i));
  const rows = rowsOf<{ id: string; created_at: string | Date }>(
    await tx.execute(sql`
      insert into ${tips} (id, listing_id, reward_notice_id, registration_no, registered_at, kind,
        asset_type, consumption_item, description, seen_at, place, location_lat, location_lng,
        contact_sealed, has_contact, receipt_hash, photo_count)
      select id, listing_id, reward_notice_id, registration_no,
        case when registration_no is null then null else clock_timestamp() end, kind,
        asset_type, consumption_item, description, seen_at, place, location_lat, location_lng,
        contact_sealed, contact_sealed is not null, receipt_hash, photo_count
      from unnest(
        ${arrayParam(
          col((t) => t.tipId),
          'text',
        )}, ${arrayParam(
          col((t) => t.fields.listingId),
          'text',
        )}, ${arrayParam(
          col((t) => t.fields.rewardNoticeId ?? null),
          'text',
        )},
        ${arrayParam(
          col((_, i) => registrationNo.get(i) ?? null),
          'int4',
        )}, ${arrayParam(
          col((t) => t.fields.kind),
          'text',
        )}, ${arrayParam(
          col((t) => t.fields.assetType ?? null),
          'text',
        )},
        ${arrayParam(
          col((t) => t.fields.consumptionItem ?? null),
          'int2',
        )}, ${arrayParam(
          col((t) => t.fields.description),
          'text',
        )},
        ${arrayParam(
          col((t) => (t.fields.seenAt ? new Date(t.fields.seenAt).toISOString() : null)),
          'timestamptz',
        )},
        ${arrayParam(
          col((t) => t.fields.place || null),
          'text',
        )}, ${arrayParam(
          col((t) => t.fields.location?.lat ?? null),
          'float8',
        )},
        ${arrayParam(
          col((t) => t.fields.location?.lng ?? null),
          'float8',
        )}, ${arrayParam(
          col((t) => t.contactSealed),
          'text',
        )},
        ${arrayParam(
          col((t) => t.receiptHash),
          'text',
        )}, ${arrayParam(
          col((t) => t.attachments.length),
          'int2',
        )}
      ) as v(id, listing_id, reward_notice_id, registration_no, kind, asset_type, consumption_item,
        description, seen_at, place, location_lat, location_lng, contact_sealed, receipt_hash,
        photo_count)
      returning id, created_at`),
  );
  return rows.map((r) => ({ id: r.id, createdAt: new Date(r.created_at) }));
}

/**
 * Art. 23: registration numbers per notice, gapless and in commit order. One UPDATE per notice
 * adds the batch's claims at once; its row lock orders concurrent batches (and processes), and
 * the batch's claims are numbered in arrival order.
 */
async function drawRegistrationNumbers(
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

/**
 * The stored answer of an earlier request with this key (a replay, or 422 for another body), or
 * null. Asked only when a tip cannot be prepared (its staged photos are consumed by the first
 * request, for one): a retry of a stored tip gets its answer, not the error.
 */
export async function earlierAnswer(
  db: Database,
  key: { keyHash: string; fingerprint: string; clientKey: string },
): Promise<TipOutcome | null> {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(inArray(idempotencyKeys.keyHash, [key.keyHash]));
  return row ? replayOutcome(row, key) : null;
}

function replayOutcome(row: IdempotencyKeyRow, key: { fingerprint: string; clientKey: string }): TipOutcome {
  if (row.fingerprint !== key.fingerprint)
    return { ok: false, error: new ApiError('IDEMPOTENCY_KEY_REUSED') };
  return {
    ok: true,
    receipt: JSON.parse(openWithClientKey(key.clientKey, row.responseSealed)) as TipReceipt,
  };
}

/** `execute` answers an array on postgres-js and `{ rows }` on PGlite. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
