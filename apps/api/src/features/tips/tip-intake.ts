import { createHash, randomBytes } from 'node:crypto';
import type { TipReceipt, TipSubmit } from '@portal/contract';
import { canonicalJson, type Database, newId } from '@portal/db';
import {
  idempotencyKeys,
  listings,
  rewardNotices,
  tipAttachments,
  tips,
  tipWechatLinks,
} from '@portal/db/schema';
import {
  formatReceipt,
  isRewardInForce,
  normalizeReceipt,
  TIP_MAX_PHOTOS,
  todayInChina,
} from '@portal/domain';
import { eq, sql } from 'drizzle-orm';
import type { AppDeps } from '../../context.ts';
import { ApiError } from '../../errors.ts';
import { queueMediaChecks } from '../wechat/media-checks.ts';
import { queueNewTipNotifications } from './notifications/queue.ts';
import type { CleanPhoto } from './photo-intake.ts';
import { consumeStagedPhotos, findStagedPhotos, type StagedPhoto } from './photo-uploads.ts';
import { openWithClientKey, sealWithClientKey } from './tip-keyring.ts';
import type { TipsServices } from './tips-services.ts';

type Deps = Pick<AppDeps, 'db' | 'now'> & {
  tips: TipsServices;
  dbKind?: AppDeps['dbKind'];
  wechat?: Pick<AppDeps['wechat'], 'mediaBaseUrl' | 'wakeMedia'>;
};

export interface TipSubmission {
  fields: Omit<TipSubmit, 'website'>;
  photos: CleanPhoto[];
  idempotencyKey?: string | undefined;
  /** the WeChat user of a tip sent from the mini-program (content check, subscription message) */
  wechatOpenid?: string | undefined;
}

export const OPENID_AAD = (tipId: string) => ({
  table: 'tip_wechat_links',
  column: 'openid_sealed',
  rowId: tipId,
});

export const CONTACT_AAD = (rowId: string) => ({ table: 'tips', column: 'contact_sealed', rowId });

/** The receipt's keyed hash, the only form in which a receipt is stored or compared. */
export function receiptMac(services: TipsServices, normalized: string): string {
  return services.keyring.mac('tip-receipt', normalized);
}

/** sha256 of the canonical body plus the digests of the uploads as received (IETF draft, Stripe). */
function fingerprintOf(sub: TipSubmission): string {
  return createHash('sha256')
    .update(canonicalJson(sub.fields))
    .update('\n')
    .update(sub.photos.map((p) => p.uploadSha256).join(','))
    .digest('hex');
}

class ReplayedResponse {
  readonly receipt: TipReceipt;
  constructor(receipt: TipReceipt) {
    this.receipt = receipt;
  }
}

/** PostgreSQL `disk_full` and Node's `ENOSPC`/`EDQUOT`: the answer is 503, and nothing is kept. */
export function isStorageFull(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (code === '53100' || code === 'ENOSPC' || code === 'EDQUOT' || code === 'EIO') return true;
  }
  return false;
}

/**
 * Stores a tip and answers its receipt only after the commit: photos are written (fsynced) first
 * under fresh names, then one transaction claims the Idempotency-Key, draws the notice's next
 * registration number, inserts the tip, its photos and its notifications (outbox). A failure or a
 * crash before the commit leaves no tip; photo files it wrote are removed (or, after a crash,
 * are unreferenced and never served).
 */
export async function submitTip(deps: Deps, sub: TipSubmission): Promise<TipReceipt> {
  const { db, tips: services } = deps;
  const keyHash = sub.idempotencyKey ? createHash('sha256').update(sub.idempotencyKey).digest('hex') : null;
  const fingerprint = fingerprintOf(sub);
  if (keyHash && sub.idempotencyKey) {
    if (services.inFlight.has(keyHash)) throw new ApiError('IDEMPOTENCY_IN_FLIGHT');
    const earlier = await replayOf(db, keyHash, fingerprint, sub.idempotencyKey);
    if (earlier) return earlier;
    services.inFlight.add(keyHash);
  }
  const tipId = newId('T');
  const written: string[] = [];
  try {
    const staged = await stagedAndModerated(deps, sub);
    const attachments = sub.photos.map((p) => ({ id: newId('A'), photo: p }));
    for (const a of attachments) {
      const name = `${a.id}.jpg`;
      try {
        await services.files.put(name, a.photo.bytes);
      } catch (error) {
        throw storageError(error);
      }
      written.push(name);
    }
    const receipt = formatReceipt(randomBytes(10));
    const result = await db
      .transaction(async (tx) => {
        if (keyHash && sub.idempotencyKey && deps.dbKind !== 'pglite') {
          // another process may hold the same key in an open transaction: answer 409, do not wait
          // (PGlite serves one process, where `inFlight` already answers 409)
          const [lock] = rowsOf<{ ok: boolean }>(
            await tx.execute(sql`select pg_try_advisory_xact_lock(hashtextextended(${keyHash}, 0)) as ok`),
          );
          if (lock && lock.ok === false) throw new ApiError('IDEMPOTENCY_IN_FLIGHT');
        }
        const [listing] = await tx
          .select({ status: listings.status, unitId: listings.unitId })
          .from(listings)
          .where(eq(listings.id, sub.fields.listingId));
        if (listing?.status !== 'published')
          throw new ApiError('LISTING_NOT_FOUND', {
            field: 'listingId',
            message: '未找到该公布中的失信信息，请从信息详情页进入举报。',
          });
        let registrationNo: number | null = null;
        if (sub.fields.rewardNoticeId) {
          const [notice] = await tx
            .select()
            .from(rewardNotices)
            .where(eq(rewardNotices.id, sub.fields.rewardNoticeId));
          const today = todayInChina(deps.now());
          if (
            !notice ||
            notice.listingId !== sub.fields.listingId ||
            !isRewardInForce(
              { status: notice.status, startsOn: notice.startsOn, endsOn: notice.endsOn },
              true,
              today,
            )
          )
            throw new ApiError('NOT_FOUND', {
              field: 'rewardNoticeId',
              message: '该悬赏公告不存在或已结束，线索仍可不申领悬赏提交。',
            });
          // art. 23: gapless and in commit order — the row lock orders concurrent claims
          const [seq] = await tx
            .update(rewardNotices)
            .set({ tipSeq: sql`${rewardNotices.tipSeq} + 1` })
            .where(eq(rewardNotices.id, notice.id))
            .returning({ n: rewardNotices.tipSeq });
          registrationNo = seq!.n;
        }
        const f = sub.fields;
        const contact =
          f.contactName || f.contactPhone
            ? JSON.stringify({ name: f.contactName ?? null, phone: f.contactPhone ?? null })
            : null;
        const [row] = await tx
          .insert(tips)
          .values({
            id: tipId,
            listingId: f.listingId,
            rewardNoticeId: f.rewardNoticeId ?? null,
            registrationNo,
            registeredAt: registrationNo === null ? null : sql`clock_timestamp()`,
            kind: f.kind,
            assetType: f.assetType ?? null,
            consumptionItem: f.consumptionItem ?? null,
            description: f.description,
            seenAt: f.seenAt ? new Date(f.seenAt) : null,
            place: f.place || null,
            locationLat: f.location?.lat ?? null,
            locationLng: f.location?.lng ?? null,
            contactSealed: contact ? services.keyring.seal('tip-contact', contact, CONTACT_AAD(tipId)) : null,
            hasContact: contact !== null,
            receiptHash: receiptMac(services, normalizeReceipt(receipt)!),
            photoCount: staged.length + attachments.length,
          })
          .returning({ createdAt: tips.createdAt });
        await consumeStagedPhotos(tx, staged, f.photoIds ?? []);
        const rows = [
          ...staged.map((s) => ({
            id: newId('A'),
            tipId,
            path: s.path,
            contentType: s.contentType,
            bytes: s.bytes,
            width: s.width,
            height: s.height,
            sha256: s.sha256,
          })),
          ...attachments.map((a) => ({
            id: a.id,
            tipId,
            path: `${a.id}.jpg`,
            contentType: a.photo.contentType,
            bytes: a.photo.bytes.length,
            width: a.photo.width,
            height: a.photo.height,
            sha256: a.photo.sha256,
          })),
        ];
        if (rows.length > 0) await tx.insert(tipAttachments).values(rows);
        if (sub.wechatOpenid)
          await tx.insert(tipWechatLinks).values({
            tipId,
            openidSealed: services.keyring.seal('wechat-openid', sub.wechatOpenid, OPENID_AAD(tipId)),
          });
        // photos from the mini-program go to WeChat's mediaCheckAsync after the commit (outbox)
        if (sub.wechatOpenid && deps.wechat?.mediaBaseUrl)
          await queueMediaChecks(
            tx,
            tipId,
            rows.map((r) => r.id),
          );
        const answer: TipReceipt = {
          receipt,
          submittedAt: row!.createdAt.toISOString(),
          ...(registrationNo === null ? {} : { registrationNo }),
        };
        if (keyHash && sub.idempotencyKey) {
          const claimed = await tx
            .insert(idempotencyKeys)
            .values({
              keyHash,
              scope: 'tip',
              fingerprint,
              responseSealed: sealWithClientKey(sub.idempotencyKey, JSON.stringify(answer)),
            })
            .onConflictDoNothing()
            .returning({ keyHash: idempotencyKeys.keyHash });
          if (claimed.length === 0) {
            // committed by another process meanwhile: answer what it answered, store nothing
            const replay = await replayOf(tx, keyHash, fingerprint, sub.idempotencyKey);
            throw new ReplayedResponse(replay!);
          }
        }
        await queueNewTipNotifications(tx, services.notify, { tipId, unitId: listing.unitId });
        return answer;
      })
      .catch((error: unknown) => {
        if (error instanceof ReplayedResponse) return error.receipt;
        throw error;
      });
    if (result.receipt !== receipt) await removeAll(services, written);
    services.wake();
    deps.wechat?.wakeMedia();
    return result;
  } catch (error) {
    await removeAll(services, written);
    if (error instanceof ApiError) throw error;
    throw storageError(error);
  } finally {
    if (keyHash) services.inFlight.delete(keyHash);
  }
}

/**
 * The photos uploaded before (by id) that the tip names, after the content check of its text and
 * every photo. A refusal answers 400 with the adapter's reason and stores nothing.
 */
async function stagedAndModerated(deps: Deps, sub: TipSubmission): Promise<StagedPhoto[]> {
  const photoIds = sub.fields.photoIds ?? [];
  if (photoIds.length + sub.photos.length > TIP_MAX_PHOTOS)
    throw new ApiError('VALIDATION_FAILED', {
      field: 'photoIds',
      message: `最多上传 ${TIP_MAX_PHOTOS} 张照片。`,
    });
  const staged = await findStagedPhotos(deps.db, photoIds, deps.now());
  const images: Uint8Array[] = [];
  for (const s of staged) images.push(await deps.tips.files.get(s.path));
  for (const p of sub.photos) images.push(p.bytes);
  const verdict = await deps.tips.moderation.check({
    text: sub.fields.description,
    images,
    ...(sub.wechatOpenid ? { openid: sub.wechatOpenid } : {}),
  });
  if (!verdict.ok)
    throw new ApiError('CONTENT_REJECTED', {
      field: 'description',
      ...(verdict.reason ? { message: verdict.reason } : {}),
    });
  return staged;
}

function storageError(error: unknown): unknown {
  if (isStorageFull(error))
    return new ApiError('STORAGE_UNAVAILABLE', { cause: error, logDetail: 'tip storage full' });
  return error;
}

async function removeAll(services: TipsServices, names: readonly string[]): Promise<void> {
  for (const name of names) await services.files.remove(name).catch(() => {});
}

async function replayOf(
  db: Database,
  keyHash: string,
  fingerprint: string,
  clientKey: string,
): Promise<TipReceipt | null> {
  const [row] = await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.keyHash, keyHash));
  if (!row) return null;
  if (row.fingerprint !== fingerprint) throw new ApiError('IDEMPOTENCY_KEY_REUSED');
  return JSON.parse(openWithClientKey(clientKey, row.responseSealed)) as TipReceipt;
}

/** `execute` answers an array on postgres-js and `{ rows }` on PGlite. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
