/**
 * Uploads the tip's photos one request each (`POST /api/v1/tips/photos`; WeChat's uploadFile
 * carries one file per call) before the tip is sent with their ids. A photo already uploaded is
 * not sent again, so "重试" resends only what failed, and a resent tip names the same ids: with
 * its Idempotency-Key it is stored once however often it is resent. (An id that expired meanwhile
 * is refused by the API by position; the caller forgets it and the next attempt uploads anew.)
 */
import type { TipPhoto } from './tip-form.ts';

export type PhotoStatus =
  | { kind: 'waiting' }
  | { kind: 'uploading'; fraction: number }
  | { kind: 'done' }
  | { kind: 'failed'; message: string };

export interface UploadedPhoto {
  photoId: string;
  expiresAtMs: number;
}

/** Sends one photo; rejects with an Error whose message is fit for the person (zh-CN). */
export type UploadOne = (photo: TipPhoto, onProgress: (fraction: number) => void) => Promise<UploadedPhoto>;

export class PhotoUploadError extends Error {
  /** positions (0-based) of the photos that failed */
  readonly failed: number[];
  constructor(failed: number[]) {
    super(
      failed.length === 1
        ? `第 ${failed[0]! + 1} 张照片上传失败，线索尚未提交。请点“重试”，已上传的照片不会重复上传。`
        : `第 ${failed.map((i) => i + 1).join('、')} 张照片上传失败，线索尚未提交。请点“重试”，已上传的照片不会重复上传。`,
    );
    this.name = 'PhotoUploadError';
    this.failed = failed;
  }
}

/**
 * Uploads every photo not yet uploaded (in order, one at a time, each reporting its progress),
 * remembering the ids in `uploaded` (keyed by the photo's path), then answers the ids in the
 * photos' order. When any fails, the others are still tried, then PhotoUploadError names the
 * failed ones.
 */
export async function uploadPhotos(
  photos: readonly TipPhoto[],
  uploaded: Map<string, UploadedPhoto>,
  uploadOne: UploadOne,
  onStatus: (path: string, status: PhotoStatus) => void,
): Promise<string[]> {
  const failed: number[] = [];
  for (const [index, photo] of photos.entries()) {
    if (uploaded.has(photo.path)) {
      onStatus(photo.path, { kind: 'done' });
      continue;
    }
    onStatus(photo.path, { kind: 'uploading', fraction: 0 });
    try {
      const result = await uploadOne(photo, (fraction) =>
        onStatus(photo.path, { kind: 'uploading', fraction: Math.min(1, Math.max(0, fraction)) }),
      );
      uploaded.set(photo.path, result);
      onStatus(photo.path, { kind: 'done' });
    } catch (error) {
      failed.push(index);
      onStatus(photo.path, { kind: 'failed', message: (error as Error).message || '上传失败' });
    }
  }
  if (failed.length > 0) throw new PhotoUploadError(failed);
  return photos.map((p) => uploaded.get(p.path)!.photoId);
}
