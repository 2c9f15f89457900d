import { ApiClientError } from '@portal/contract/client';
import type { TipPhotoUpload } from '@portal/contract/routes';
import Taro from '@tarojs/taro';
import type { UploadedPhoto, UploadOne } from './photo-uploads.ts';

declare const API_BASE: string;

/** The API's error envelope as the contract client would raise it. */
function errorOf(status: number, text: string): ApiClientError {
  try {
    const { error } = JSON.parse(text) as { error: { code: string; message: string; field?: string } };
    return new ApiClientError({
      status,
      code: error.code,
      message: error.message,
      ...(error.field ? { field: error.field } : {}),
      enveloped: true,
    });
  } catch {
    return new ApiClientError({
      status,
      code: 'HTTP_ERROR',
      message: `上传失败（HTTP ${status}），请重试。`,
    });
  }
}

/**
 * One photo through `Taro.uploadFile` (WeChat's uploader; on H5 Taro's XHR with the same
 * interface), field `photo`, with its progress. WeChat calls `success` for any HTTP status, so
 * the status decides; a failure to connect is status 0, like the contract client's.
 */
export const uploadPhoto: UploadOne = (photo, onProgress) =>
  new Promise<UploadedPhoto>((resolve, reject) => {
    const task = Taro.uploadFile({
      url: `${API_BASE}/api/v1/tips/photos`,
      filePath: photo.path,
      name: 'photo',
      success: (res) => {
        const text = typeof res.data === 'string' ? res.data : JSON.stringify(res.data);
        if (res.statusCode !== 201) return reject(errorOf(res.statusCode, text));
        const body = JSON.parse(text) as TipPhotoUpload;
        onProgress(1);
        resolve({ photoId: body.photoId, expiresAtMs: Date.parse(body.expiresAt) });
      },
      fail: () =>
        reject(new ApiClientError({ status: 0, code: 'NETWORK', message: '网络连接失败，照片未能上传。' })),
    });
    task?.onProgressUpdate?.((p) => onProgress(p.progress / 100));
  });
