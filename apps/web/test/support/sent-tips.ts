/**
 * What the tip form sent, as the real API received it (real-api.ts records each `POST
 * /api/v1/tips` before handing it on): the Idempotency-Key, JSON or multipart, the photos as
 * uploaded. Nothing here answers a request.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { jpegSize } from './tip-photo.ts';

export interface SentTip {
  idempotencyKey: string | undefined;
  contentType: string;
  /** JSON body, or the multipart text fields */
  fields: Record<string, unknown>;
  photos: number;
  /** bytes, type and pixel size of each photo as uploaded */
  photoFiles: { bytes: number; type: string; size: { width: number; height: number } | null }[];
}

export async function readSentTip(headers: IncomingHttpHeaders, raw: Buffer): Promise<SentTip> {
  const contentType = headers['content-type'] ?? '';
  const key = headers['idempotency-key'];
  const idempotencyKey = Array.isArray(key) ? key[0] : key;
  if (contentType.startsWith('multipart/form-data')) {
    const form = await new Response(new Uint8Array(raw), {
      headers: { 'content-type': contentType },
    }).formData();
    const fields: Record<string, unknown> = {};
    const photoFiles: SentTip['photoFiles'] = [];
    for (const [name, value] of form.entries()) {
      if (name === 'photos' && typeof value !== 'string') {
        const size = jpegSize(new Uint8Array(await value.arrayBuffer()));
        photoFiles.push({ bytes: value.size, type: value.type, size });
      } else fields[name] = value;
    }
    return { idempotencyKey, contentType, fields, photos: photoFiles.length, photoFiles };
  }
  let fields: Record<string, unknown> = {};
  try {
    fields = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
  } catch {
    // not JSON: recorded with no fields; the API answers it as it would any client
  }
  return { idempotencyKey, contentType, fields, photos: 0, photoFiles: [] };
}
