import { createHash } from 'node:crypto';
import { TIP_MAX_PHOTOS, TIP_PHOTO_MAX_BYTES, TIP_PHOTO_MAX_PIXELS } from '@portal/domain';
import { ApiError } from '../../errors.ts';

/** A photo ready to store: re-encoded from decoded pixels, so no EXIF, GPS, device or owner data. */
export interface CleanPhoto {
  bytes: Buffer;
  contentType: 'image/jpeg';
  width: number;
  height: number;
  sha256: string;
  /** sha256 of the upload as received (for the idempotency fingerprint) */
  uploadSha256: string;
}

/**
 * The image libraries load on the first photo, not at start-up: sharp maps libvips (~25 MB resident)
 * and only a tip with photos needs them (tests/bench/memory-at-rest.bench.ts).
 */
const imageLibraries = () => Promise.all([import('file-type'), import('sharp')]);

const ACCEPTED = new Set(['image/jpeg', 'image/png', 'image/webp']);
/** Longest side after re-encoding: enough to read a plate or a shop sign. */
const MAX_SIDE = 2560;

type RefusalCode = 'VALIDATION_FAILED' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE';
/** Where a refused photo sits in the request: its field and the words that name it to the person. */
interface PhotoPlace {
  field: string;
  /** e.g. `第 2 张照片`, or `照片` for a single upload */
  label: string;
}

function refuse(place: PhotoPlace, message: string, code: RefusalCode = 'VALIDATION_FAILED'): never {
  throw new ApiError(code, { field: place.field, message: `${place.label}：${message}` });
}

/**
 * Checks and cleans the uploaded photos in memory; nothing touches the disk here, so a refused
 * file leaves nothing behind. See `cleanPhoto`.
 */
export async function cleanPhotos(files: readonly File[]): Promise<CleanPhoto[]> {
  if (files.length > TIP_MAX_PHOTOS)
    throw new ApiError('VALIDATION_FAILED', {
      field: 'photos',
      message: `最多上传 ${TIP_MAX_PHOTOS} 张照片。`,
    });
  const out: CleanPhoto[] = [];
  for (const [index, file] of files.entries())
    out.push(await cleanPhoto(file, { field: `photos.${index}`, label: `第 ${index + 1} 张照片` }));
  return out;
}

/**
 * One photo: the type comes from the bytes (magic numbers), never from the name or the declared
 * Content-Type; the pixel limit is applied before decoding (decompression bombs); `rotate()`
 * first applies the EXIF orientation, then re-encoding drops every metadata block.
 */
export async function cleanPhoto(file: File, place: PhotoPlace): Promise<CleanPhoto> {
  const tooLarge = `超过 ${TIP_PHOTO_MAX_BYTES / 1024 / 1024} MB。`;
  if (file.size > TIP_PHOTO_MAX_BYTES) refuse(place, tooLarge, 'PAYLOAD_TOO_LARGE');
  const input = Buffer.from(await file.arrayBuffer());
  if (input.length > TIP_PHOTO_MAX_BYTES) refuse(place, tooLarge, 'PAYLOAD_TOO_LARGE');
  if (input.length === 0) refuse(place, '文件为空。');
  const [{ fileTypeFromBuffer }, { default: sharp }] = await imageLibraries();
  const type = await fileTypeFromBuffer(input);
  if (type?.mime === 'image/heic' || type?.mime === 'image/heif')
    refuse(
      place,
      '暂不支持 HEIC 格式，请在手机设置中选择“兼容性最佳”或截图后上传 JPEG。',
      'UNSUPPORTED_MEDIA_TYPE',
    );
  if (!type || !ACCEPTED.has(type.mime))
    refuse(place, '只接受 JPEG、PNG 或 WebP 图片。', 'UNSUPPORTED_MEDIA_TYPE');
  try {
    const { data, info } = await sharp(input, { limitInputPixels: TIP_PHOTO_MAX_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 85, mozjpeg: false })
      .toBuffer({ resolveWithObject: true });
    return {
      bytes: data,
      contentType: 'image/jpeg',
      width: info.width,
      height: info.height,
      sha256: createHash('sha256').update(data).digest('hex'),
      uploadSha256: createHash('sha256').update(input).digest('hex'),
    };
  } catch (error) {
    if (error instanceof ApiError) throw error;
    const pixels = /pixel limit/i.test(String(error));
    refuse(place, pixels ? '图片像素过多。' : '图片已损坏，无法读取。');
  }
}
