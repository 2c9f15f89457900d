import { createHash, randomBytes } from 'node:crypto';
import type { TipReceipt, TipSubmit } from '@portal/contract';
import { canonicalJson, newId } from '@portal/db';
import { formatReceipt, normalizeReceipt, TIP_MAX_PHOTOS, todayInChina } from '@portal/domain';
import type { AppDeps } from '../../context.ts';
import { ApiError } from '../../errors.ts';
import { earlierAnswer } from './earlier-answer.ts';
import { createGroupCommitQueue, type GroupCommitQueue } from './group-commit-queue.ts';
import type { CleanPhoto } from './photo-intake.ts';
import { findStagedPhotos, type StagedPhoto } from './photo-uploads.ts';
import type { PreparedTip, TipOutcome } from './prepared-tip.ts';
import { storeTipBatch } from './tip-batch-writer.ts';
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

/** The answer stored for an earlier request with the same Idempotency-Key and body. */
class Replayed {
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
 * under fresh names, the text and photos are checked, the receipt and seals are made, and then
 * the tip joins the intake queue: tips arriving together are stored in one transaction (group
 * commit, see `storeTipBatch`) that claims the Idempotency-Keys, draws registration numbers and
 * inserts the tips, photos and notifications (outbox). A failure or a crash before the commit
 * leaves no tip; photo files it wrote are removed (or, after a crash, are unreferenced and never
 * served).
 */
export async function submitTip(deps: Deps, sub: TipSubmission): Promise<TipReceipt> {
  const { tips: services } = deps;
  const keyHash = sub.idempotencyKey ? createHash('sha256').update(sub.idempotencyKey).digest('hex') : null;
  if (keyHash) {
    if (services.inFlight.has(keyHash)) throw new ApiError('IDEMPOTENCY_IN_FLIGHT');
    services.inFlight.add(keyHash);
  }
  const idempotency =
    keyHash && sub.idempotencyKey
      ? { keyHash, clientKey: sub.idempotencyKey, fingerprint: fingerprintOf(sub) }
      : null;
  const tipId = newId('T');
  const written: string[] = [];
  try {
    const staged = await stagedAndModerated(deps, sub).catch(async (error: unknown) => {
      const earlier = idempotency ? await earlierAnswer(deps.db, idempotency) : null;
      if (!earlier) throw error;
      if (!earlier.ok) throw earlier.error;
      throw new Replayed(earlier.receipt);
    });
    const photos = sub.photos.map((p) => ({ id: newId('A'), photo: p }));
    for (const a of photos) {
      const name = `${a.id}.jpg`;
      try {
        await services.files.put(name, a.photo.bytes);
      } catch (error) {
        throw storageError(error);
      }
      written.push(name);
    }
    const f = sub.fields;
    const contact =
      f.contactName || f.contactPhone
        ? JSON.stringify({ name: f.contactName ?? null, phone: f.contactPhone ?? null })
        : null;
    const receipt = formatReceipt(randomBytes(10));
    const outcome = await intakeQueueOf(deps).submit({
      tipId,
      fields: f,
      receipt,
      receiptHash: receiptMac(services, normalizeReceipt(receipt)!),
      contactSealed: contact ? services.keyring.seal('tip-contact', contact, CONTACT_AAD(tipId)) : null,
      staged,
      attachments: [
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
        ...photos.map((a) => ({
          id: a.id,
          tipId,
          path: `${a.id}.jpg`,
          contentType: a.photo.contentType,
          bytes: a.photo.bytes.length,
          width: a.photo.width,
          height: a.photo.height,
          sha256: a.photo.sha256,
        })),
      ],
      openidSealed: sub.wechatOpenid
        ? services.keyring.seal('wechat-openid', sub.wechatOpenid, OPENID_AAD(tipId))
        : null,
      mediaChecks: Boolean(sub.wechatOpenid && deps.wechat?.mediaBaseUrl),
      idempotency,
      today: todayInChina(deps.now()),
    });
    if (!outcome.ok) throw outcome.error;
    if (outcome.receipt.receipt !== receipt) {
      // an earlier request with this key was stored: its answer stands, these files are not needed
      await removeAll(services, written);
      return outcome.receipt;
    }
    services.wake();
    deps.wechat?.wakeMedia();
    return outcome.receipt;
  } catch (error) {
    await removeAll(services, written);
    if (error instanceof Replayed) return error.receipt;
    if (error instanceof ApiError) throw error;
    throw storageError(error);
  } finally {
    if (keyHash) services.inFlight.delete(keyHash);
  }
}

/**
 * The intake queue of this runtime's database: with group commit (default) a batch forms while
 * the previous one commits (one at a time, up to 64 tips; when idle, the requests read in the
 * same turn of the event loop);
 * `TIP_GROUP_COMMIT=0` stores every tip in a transaction of its own, as before (benchmarks).
 */
function intakeQueueOf(deps: Deps): GroupCommitQueue<PreparedTip, TipOutcome> {
  const services = deps.tips;
  if (services.intake?.db !== deps.db) {
    const { db, dbKind } = deps;
    const grouped = services.groupCommit !== false;
    services.intake = {
      db,
      queue: createGroupCommitQueue<PreparedTip, TipOutcome>({
        // the targets as they are now (tests and admins may replace them while the queue lives)
        flush: (batch) => storeTipBatch({ db, dbKind, notify: services.notify }, batch),
        maxBatch: grouped ? 64 : 1,
        // a lone tip leaves once the event loop has read what already arrived (no timer)
        lingerMs: grouped ? 'idle' : 0,
        // one batch at a time: the next forms while it commits (two in flight on PostgreSQL
        // made smaller batches and more CPU per tip, for no more tips/s on 2 cores)
        maxInFlight: grouped ? 1 : Number.POSITIVE_INFINITY,
      }),
    };
  }
  return services.intake.queue;
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
