import { tipLookupRoute, tipSubmitRoute } from '@portal/contract';
import type { MiddlewareHandler } from 'hono';
import type { ApiApp, AppDeps, AppEnv } from '../../context.ts';
import { ApiError } from '../../errors.ts';
import { bodyLimitByLength } from '../../http/body-limits.ts';
import { openidOfSession } from '../wechat/wechat-sessions.ts';
import { cleanPhotos } from './photo-intake.ts';
import { submitTip } from './tip-intake.ts';
import { lookupTip } from './tip-lookup.ts';
import { clientMac, type TipsServices } from './tips-services.ts';

const JSON_MAX_BYTES = 64 * 1024;
/** six photos of 10 MB plus the text fields and multipart framing */
const MULTIPART_MAX_BYTES = 6 * 10 * 1024 * 1024 + 256 * 1024;

/** Caps the body while it streams in (a lying Content-Length does not help), before any parsing. */
const tooLarge = (): never => {
  throw new ApiError('PAYLOAD_TOO_LARGE', {
    message: '提交的内容过大：每张照片不超过 10 MB，最多 6 张。',
  });
};
const multipartLimit = bodyLimitByLength(MULTIPART_MAX_BYTES, tooLarge);
const jsonLimit = bodyLimitByLength(JSON_MAX_BYTES, tooLarge);
const tipBodyLimit: MiddlewareHandler<AppEnv> = (c, next) =>
  (/^multipart\/form-data/i.test(c.req.header('content-type') ?? '') ? multipartLimit : jsonLimit)(c, next);

/**
 * Per-client hourly limits, taken before the body is read (a client over its budget costs
 * nothing). A tip the server did not store (refused input, a full disk) gives its token back, so
 * a citizen who fixes a mistake is not locked out; look-ups always count (guessing receipts).
 */
function throttle(
  services: () => TipsServices,
  bucket: 'tip' | 'lookup',
  now: () => Date,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const s = services();
    const limit = bucket === 'tip' ? s.tipsPerHour : s.lookupsPerHour;
    const client = clientMac(c, s.keyring);
    await s.limiter.hit(bucket, client, limit, now().getTime());
    await next();
    // an error thrown by the handler has become c.res (onError) by the time next() returns
    if (bucket === 'tip' && c.res.status >= 400) await s.limiter.refund(bucket, client, limit);
  };
}

/** `POST /api/v1/tips` (json or multipart) and `POST /api/v1/tips/lookup` (CONTRACT.md "Tip-offs (public)"). */
export function registerTips(app: ApiApp, deps: AppDeps): void {
  const services = () => deps.tips;
  app.openapi(
    { ...tipSubmitRoute, middleware: [throttle(services, 'tip', deps.now), tipBodyLimit] },
    async (c) => {
      const type = c.req.header('content-type') ?? '';
      const multipart = /^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(type);
      if (!multipart && !/^application\/json/i.test(type))
        throw new ApiError('UNSUPPORTED_MEDIA_TYPE', {
          message: '请以 application/json 或 multipart/form-data 格式提交。',
        });
      const body = multipart ? c.req.valid('form') : c.req.valid('json');
      if (body.website)
        // honeypot: people never see this field; a neutral refusal tells a bot nothing
        throw new ApiError('BAD_REQUEST', {
          message: '提交失败，请刷新页面后重试。',
          logDetail: 'tip honeypot filled',
        });
      const { website: _honeypot, ...fields } = body as typeof body & {
        photos?: File[];
        lat?: number;
        lng?: number;
      };
      const {
        photos: files = [],
        lat,
        lng,
        ...rest
      } = fields as typeof fields & { photos?: File[]; lat?: number; lng?: number };
      const location = rest.location ?? (lat !== undefined && lng !== undefined ? { lat, lng } : undefined);
      if (location && (Math.abs(location.lat) > 90 || Math.abs(location.lng) > 180))
        throw new ApiError('VALIDATION_FAILED', { field: 'location', message: '地图位置的经纬度超出范围。' });
      const photos = await cleanPhotos(files);
      const session = c.req.valid('header')['x-wechat-session'];
      // a session means a mini-program user: WeChat's content check and status messages need the openid
      const wechatOpenid =
        session && deps.wechat.client
          ? await openidOfSession(deps.db, deps.tips.keyring, session, deps.now())
          : undefined;
      const receipt = await submitTip(
        { db: deps.db, now: deps.now, tips: deps.tips, dbKind: deps.dbKind, wechat: deps.wechat },
        {
          fields: { ...rest, ...(location ? { location } : {}) },
          photos,
          idempotencyKey: c.req.valid('header')['idempotency-key'],
          wechatOpenid,
        },
      );
      c.header('Cache-Control', 'no-store');
      return c.json(receipt, 201);
    },
  );

  app.openapi({ ...tipLookupRoute, middleware: [throttle(services, 'lookup', deps.now)] }, async (c) => {
    const result = await lookupTip({ db: deps.db, tips: deps.tips }, c.req.valid('json').receipt);
    c.header('Cache-Control', 'no-store');
    return c.json(result, 200);
  });
}
