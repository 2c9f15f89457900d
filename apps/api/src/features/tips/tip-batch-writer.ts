import type { TipReceipt, TipSubmit } from '@portal/contract';
import { type Database, toArrayLiteral } from '@portal/db';
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
import { inArray, type SQL, sql } from 'drizzle-orm';
import type { AppDeps } from '../../context.ts';
import { ApiError } from '../../errors.ts';
import { queueMediaChecks } from '../wechat/media-checks.ts';
import { newTipNotificationsInsert } from './notifications/queue.ts';
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

/**
 * What a batch needs to know before it writes, in one statement: the transaction's time (the
 * tips' `created_at`), the keys another process holds (PostgreSQL: `pg_try_advisory_xact_lock`,
 * taking the others), earlier answers stored under the keys, and the listings named.
 */
async function firstLook(tx: Database, keyHashes: string[], lockKeys: boolean, listingIds: string[]) {
  const keys = arrayParam(keyHashes, 'text');
  const [row] = rowsOf<{ now: string | Date; refused: string; earlier: string; listings: string }>(
    await tx.execute(sql`
      select now() as now,
        ${
          lockKeys && keyHashes.length > 0
            ? sql`(select coalesce(json_agg(v.k), '[]')::text from unnest(${keys}) as v(k)
                where not pg_try_advisory_xact_lock(hashtextextended(v.k, 0)))`
            : sql`'[]'`
        } as refused,
        ${
          keyHashes.length > 0
            ? sql`(select coalesce(json_agg(json_build_array(i.key_hash, i.fingerprint, i.response_sealed)), '[]')::text
                from ${idempotencyKeys} i where i.key_hash = any(${keys}))`
            : sql`'[]'`
        } as earlier,
        (select coalesce(json_agg(json_build_array(l.id, l.status, l.unit_id)), '[]')::text
          from ${listings} l where l.id = any(${arrayParam(listingIds, 'text')})) as listings`),
  );
  const earlier = JSON.parse(row!.earlier) as [string, string, string][];
  const found = JSON.parse(row!.listings) as [string, string, string | null][];
  return {
    now: new Date(row!.now),
    refused: new Set(JSON.parse(row!.refused) as string[]),
    earlier: new Map(
      earlier.map(([keyHash, fingerprint, responseSealed]) => [keyHash, { fingerprint, responseSealed }]),
    ),
    listings: new Map(found.map(([id, status, unitId]) => [id, { status, unitId }])),
  };
}

/**
 * One parameter holding a whole column of a batch: a PostgreSQL array literal sent as text and
 * cast to `type[]` by the server (both drivers pass a string through as it is; neither
 * serialises a JS array the same way).
 */
function arrayParam(values: readonly (string | number | null)[], type: string) {
  return sql`${toArrayLiteral(values)}::text::${sql.raw(type)}[]`;
}

/**
 * The batch's tips in ONE insert whose parameters are one array per column (`unnest`): the
 * statement text is the same for every batch size, and building it costs the same for 1 tip or
 * 64 (a multi-row VALUES costs a parameter per column and tip to build, send and parse).
 */
function tipsInsert(
  batch: readonly PreparedTip[],
  stored: number[],
  registrationNo: Map<number, number>,
): SQL {
  const col = <T>(pick: (t: PreparedTip, i: number) => T) => stored.map((i) => pick(batch[i]!, i));
  return sql`
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
      returning id`;
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

function replayOutcome(
  row: Pick<IdempotencyKeyRow, 'fingerprint' | 'responseSealed'>,
  key: { fingerprint: string; clientKey: string },
): TipOutcome {
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
