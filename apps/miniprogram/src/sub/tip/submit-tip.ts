import { ApiClientError } from '@portal/contract/client';
import type { TipReceipt } from '@portal/contract/routes';
import { tipSubmitRoute } from '@portal/contract/routes';
import { api } from '../../api/client.ts';
import { forgetWechatSession, SESSION_HEADER, wechatSession } from '../../lib/wechat-session.ts';
import { type PhotoStatus, type UploadedPhoto, type UploadOne, uploadPhotos } from './photo-uploads.ts';
import { type TipFormState, tipFields } from './tip-form.ts';
import { uploadPhoto } from './upload-photo.ts';

export interface SubmitOptions {
  /** ids of photos uploaded by an earlier attempt of this form (kept across retries) */
  uploaded: Map<string, UploadedPhoto>;
  onPhoto: (path: string, status: PhotoStatus) => void;
  /** tests replace the transport */
  uploadOne?: UploadOne;
}

export interface Submitted {
  receipt: TipReceipt;
  /** the mini-program session the tip was sent with (WeChat only): needed to subscribe */
  session: string | null;
}

/**
 * Sends the tip once (the caller retries with the same key): first every photo not yet
 * uploaded, one request each, then the tip as JSON naming them. Throws PhotoUploadError when a
 * photo failed, `ApiClientError` for the tip (status 0: the network).
 */
export async function submitTip(
  form: TipFormState,
  idempotencyKey: string,
  opts: SubmitOptions,
): Promise<Submitted> {
  const photoIds = await uploadPhotos(
    form.photos,
    opts.uploaded,
    opts.uploadOne ?? uploadPhoto,
    opts.onPhoto,
  );
  const json = { ...tipFields(form), ...(photoIds.length > 0 ? { photoIds } : {}) };
  const send = (session: string | null) =>
    api.call(tipSubmitRoute, {
      json: json as never,
      headers: { 'Idempotency-Key': idempotencyKey, ...(session ? { [SESSION_HEADER]: session } : {}) },
    });
  let session = await wechatSession();
  try {
    return { receipt: await send(session), session };
  } catch (error) {
    if (error instanceof ApiClientError && error.code === 'WECHAT_SESSION_INVALID') {
      forgetWechatSession();
      session = await wechatSession();
      return { receipt: await send(session), session };
    }
    if (error instanceof ApiClientError && error.field?.startsWith('photoIds.')) {
      // an upload expired or was refused meanwhile: the next attempt uploads that photo again
      const index = Number(error.field.split('.')[1]);
      const path = form.photos[index]?.path;
      if (path) opts.uploaded.delete(path);
    }
    throw error;
  }
}
