import { tipPhotoUploadRoute } from '@portal/contract';
import { TIP_MAX_PHOTOS, TIP_PHOTO_MAX_BYTES } from '@portal/domain';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ApiApp, AppDeps, AppEnv } from '../../context.ts';
import { ApiError } from '../../errors.ts';
import { cleanPhoto } from './photo-intake.ts';
import { stagePhoto } from './photo-uploads.ts';
import { clientMac } from './tips-services.ts';

/** one photo plus multipart framing */
const UPLOAD_MAX_BYTES = TIP_PHOTO_MAX_BYTES + 64 * 1024;

const uploadBodyLimit: MiddlewareHandler<AppEnv> = bodyLimit({
  maxSize: UPLOAD_MAX_BYTES,
  onError: () => {
    throw new ApiError('PAYLOAD_TOO_LARGE', {
      field: 'photo',
      message: `照片过大：每张不超过 ${TIP_PHOTO_MAX_BYTES / 1024 / 1024} MB。`,
    });
  },
});

/**
 * `POST /api/v1/tips/photos`: one photo per request (WeChat's uploadFile), cleaned like the
 * photos of a multipart tip and staged for the tip that names its id. Counted per client against
 * six photos for each tip of the hourly tip budget, before the body is read.
 */
export function registerTipPhotoUpload(app: ApiApp, deps: AppDeps): void {
  const throttle: MiddlewareHandler<AppEnv> = async (c, next) => {
    const s = deps.tips;
    await s.limiter.hit(
      'photo',
      clientMac(c, s.keyring),
      s.tipsPerHour * TIP_MAX_PHOTOS,
      deps.now().getTime(),
    );
    await next();
  };
  app.openapi({ ...tipPhotoUploadRoute, middleware: [throttle, uploadBodyLimit] }, async (c) => {
    if (!/^multipart\/form-data/i.test(c.req.header('content-type') ?? ''))
      throw new ApiError('UNSUPPORTED_MEDIA_TYPE', {
        message: '请以 multipart/form-data 格式上传照片（字段 photo）。',
      });
    const { photo } = c.req.valid('form');
    const clean = await cleanPhoto(photo, { field: 'photo', label: '照片' });
    const staged = await stagePhoto(deps, clean);
    c.header('Cache-Control', 'no-store');
    return c.json(staged, 201);
  });
}
