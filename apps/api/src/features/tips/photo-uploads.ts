import { createHash, randomBytes } from 'node:crypto';
import type { TipPhotoUpload } from '@portal/contract';
import { type Database, newId } from '@portal/db';
import { tipPhotoUploads } from '@portal/db/schema';
import { and, gt, inArray, lte } from 'drizzle-orm';
import { ApiError } from '../../errors.ts';
import type { CleanPhoto } from './photo-intake.ts';
import { isStorageFull } from './tip-intake.ts';
import type { TipsServices } from './tips-services.ts';

/** How long an uploaded photo waits for its tip: long enough for a slow form, short for a secret. */
export const PHOTO_UPLOAD_TTL_MS = 2 * 3_600_000;

/** The upload id is a bearer secret of the uploader; only its sha256 is stored. */
export function photoIdHash(photoId: string): string {
  return createHash('sha256').update(photoId).digest('hex');
}

/**
 * Stores one cleaned photo under a fresh server-made name (fsynced), then its staging row. A full
 * disk answers 503 and keeps nothing.
 */
export async function stagePhoto(
  deps: { db: Database; tips: TipsServices; now: () => Date },
  photo: CleanPhoto,
): Promise<TipPhotoUpload> {
  const photoId = `up_${randomBytes(16).toString('base64url')}`;
  const path = `${newId('P')}.jpg`;
  const expiresAt = new Date(deps.now().getTime() + PHOTO_UPLOAD_TTL_MS);
  try {
    await deps.tips.files.put(path, photo.bytes);
    await deps.db.insert(tipPhotoUploads).values({
      idHash: photoIdHash(photoId),
      path,
      contentType: photo.contentType,
      bytes: photo.bytes.length,
      width: photo.width,
      height: photo.height,
      sha256: photo.sha256,
      expiresAt,
    });
  } catch (error) {
    await deps.tips.files.remove(path).catch(() => {});
    if (isStorageFull(error))
      throw new ApiError('STORAGE_UNAVAILABLE', { cause: error, logDetail: 'photo staging: storage full' });
    throw error;
  }
  return {
    photoId,
    expiresAt: expiresAt.toISOString(),
    bytes: photo.bytes.length,
    width: photo.width,
    height: photo.height,
  };
}

export type StagedPhoto = typeof tipPhotoUploads.$inferSelect;

function expiredOrUnknown(index: number): ApiError {
  return new ApiError('VALIDATION_FAILED', {
    field: `photoIds.${index}`,
    message: `第 ${index + 1} 张照片已过期或不存在，请重新上传这张照片。`,
  });
}

/** The staged photos a tip names, in its order; an unknown or expired id is refused by position. */
export async function findStagedPhotos(
  db: Database,
  photoIds: readonly string[],
  now: Date,
): Promise<StagedPhoto[]> {
  if (photoIds.length === 0) return [];
  const hashes = photoIds.map(photoIdHash);
  const rows = await db
    .select()
    .from(tipPhotoUploads)
    .where(and(inArray(tipPhotoUploads.idHash, hashes), gt(tipPhotoUploads.expiresAt, now)));
  const byHash = new Map(rows.map((r) => [r.idHash, r]));
  return hashes.map((h, i) => {
    const row = byHash.get(h);
    if (!row) throw expiredOrUnknown(i);
    return row;
  });
}

/**
 * Takes the staged photos inside the tip's transaction: a photo can belong to one tip only, so
 * two tips racing for one upload cannot both have it (the loser rolls back and is told to upload again).
 */
export async function consumeStagedPhotos(
  tx: Database,
  staged: readonly StagedPhoto[],
  photoIds: readonly string[],
): Promise<void> {
  if (staged.length === 0) return;
  const taken = await tx
    .delete(tipPhotoUploads)
    .where(
      inArray(
        tipPhotoUploads.idHash,
        staged.map((s) => s.idHash),
      ),
    )
    .returning({ idHash: tipPhotoUploads.idHash });
  const got = new Set(taken.map((t) => t.idHash));
  const missing = photoIds.findIndex((id) => !got.has(photoIdHash(id)));
  if (missing >= 0) throw expiredOrUnknown(missing);
}

/** Drops staging rows past their expiry (their files are then orphans, purged with the rest). */
export async function purgeExpiredUploads(db: Database, now: Date): Promise<number> {
  const gone = await db
    .delete(tipPhotoUploads)
    .where(lte(tipPhotoUploads.expiresAt, now))
    .returning({ path: tipPhotoUploads.path });
  return gone.length;
}

/** Files of photos still waiting for their tip: the orphan purge must not touch them. */
export async function stagedPaths(db: Database, names: readonly string[]): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const rows = await db
    .select({ path: tipPhotoUploads.path })
    .from(tipPhotoUploads)
    .where(inArray(tipPhotoUploads.path, [...names]));
  return new Set(rows.map((r) => r.path));
}
