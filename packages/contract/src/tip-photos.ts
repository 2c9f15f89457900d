import { TIP_PHOTO_MAX_BYTES } from '@portal/domain';
import { z } from 'zod';
import { errorResponses, jsonResponse } from './common.ts';
import type { ApiRoute } from './route.ts';

/**
 * One photo per request (WeChat's `uploadFile` carries a single file): the API cleans it like a
 * photo of the multipart tip (bytes sniffed, EXIF dropped, size and pixel limits) and answers an
 * upload id that the tip names in `photoIds`. The id is a short-lived secret of the uploader;
 * photos no tip names are purged.
 */
export const TIP_PHOTO_ID_PATTERN = /^up_[A-Za-z0-9_-]{22}$/;
export const tipPhotoIdSchema = z
  .string({ error: '照片编号格式不正确。' })
  .regex(TIP_PHOTO_ID_PATTERN, '照片编号格式不正确，请重新上传照片。');

export const tipPhotoUploadFormSchema = z
  .object({
    photo: z
      .custom<File>(
        (v) => typeof File !== 'undefined' && v instanceof File,
        '请以文件上传一张照片（字段 photo）。',
      )
      .meta({
        type: 'string',
        format: 'binary',
        description: `JPEG、PNG 或 WebP 照片，不超过 ${TIP_PHOTO_MAX_BYTES / 1024 / 1024} MB`,
      }),
  })
  .meta({ id: 'TipPhotoUploadForm' });

export const tipPhotoUploadSchema = z
  .object({
    photoId: z.string().meta({ description: '在提交线索时放入 photoIds；只有上传者知道，过期后作废' }),
    expiresAt: z.iso.datetime(),
    bytes: z.number().int(),
    width: z.number().int(),
    height: z.number().int(),
  })
  .meta({ id: 'TipPhotoUpload' });
export type TipPhotoUpload = z.output<typeof tipPhotoUploadSchema>;

export const tipPhotoUploadRoute = {
  method: 'post',
  path: '/api/v1/tips/photos',
  tags: ['举报线索'],
  summary: '先逐张上传线索照片（小程序），再在提交线索时引用',
  request: {
    body: { required: true, content: { 'multipart/form-data': { schema: tipPhotoUploadFormSchema } } },
  },
  responses: {
    201: jsonResponse(tipPhotoUploadSchema, '照片已清除元数据并暂存'),
    ...errorResponses(400, 413, 415, 429, 503),
  },
} as const satisfies ApiRoute;
