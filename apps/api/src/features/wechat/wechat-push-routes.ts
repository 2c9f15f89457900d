import { wechatMediaRoute, wechatPushHandshakeRoute, wechatPushRoute } from '@portal/contract';
import type { ApiApp, AppDeps } from '../../context.ts';
import { ApiError } from '../../errors.ts';
import { applyMediaVerdict, type MediaVerdict, photoForMediaToken } from './media-checks.ts';
import { isValidPushSignature } from './wechat-push-signature.ts';

type PushQuery = {
  signature?: string | undefined;
  timestamp?: string | undefined;
  nonce?: string | undefined;
  encrypt_type?: string | undefined;
};

const PLAINTEXT_ONLY = '仅支持明文模式的微信消息推送，不支持安全模式（加密）。';

function isVerdict(v: string | undefined): v is MediaVerdict {
  return v === 'pass' || v === 'review' || v === 'risky';
}

/**
 * WeChat's side of the photo check: `GET /api/v1/wechat/media/{token}` lets WeChat fetch the one
 * (already metadata-free) photo a live token names, and `/api/v1/wechat/events` takes WeChat's
 * message push (消息推送), JSON plaintext mode only: the GET handshake echoes `echostr`, the POST
 * acknowledges with `success` and applies `wxa_media_check` verdicts. Both refuse (401) a call
 * whose signature does not match WECHAT_PUSH_TOKEN, and answer 503 without that token. The
 * encrypted (安全) mode is not supported and is refused with 400, so a misconfiguration is noticed.
 */
export function registerWechatPush(app: ApiApp, deps: AppDeps): void {
  const verify = (query: PushQuery): void => {
    const token = deps.env.WECHAT_PUSH_TOKEN;
    if (!token)
      throw new ApiError('WECHAT_DISABLED', {
        message: '微信消息推送未开启：服务端尚未配置消息推送令牌。',
        logDetail: 'WECHAT_PUSH_TOKEN is not set',
      });
    if (!isValidPushSignature(token, query))
      throw new ApiError('UNAUTHENTICATED', {
        message: '微信消息推送的签名无效，已拒绝。',
        logDetail: 'WeChat push signature mismatch',
      });
    if (query.encrypt_type && query.encrypt_type !== 'raw')
      throw new ApiError('BAD_REQUEST', {
        message: PLAINTEXT_ONLY,
        logDetail: `WeChat push encrypt_type=${query.encrypt_type.slice(0, 16)}`,
      });
  };

  app.openapi(wechatPushHandshakeRoute, (c) => {
    const query = c.req.valid('query');
    verify(query);
    c.header('Cache-Control', 'no-store');
    return c.text(query.echostr ?? '', 200);
  });

  app.openapi(wechatPushRoute, async (c) => {
    verify(c.req.valid('query'));
    const event = c.req.valid('json');
    if ('Encrypt' in event)
      throw new ApiError('BAD_REQUEST', {
        message: PLAINTEXT_ONLY,
        logDetail: 'WeChat push body carries Encrypt',
      });
    const suggest = event.result?.suggest;
    if (event.Event === 'wxa_media_check' && event.trace_id && isVerdict(suggest)) {
      const known = await applyMediaVerdict(deps.db, event.trace_id, suggest, event.result?.label);
      if (!known)
        deps.logger.info(
          { traceId: event.trace_id, suggest },
          'wxa_media_check for an unknown trace id ignored',
        );
    }
    // WeChat retries anything but `success`: an event this server does not use is still acknowledged
    return c.text('success', 200);
  });

  app.openapi(wechatMediaRoute, async (c) => {
    const gone = () => new ApiError('NOT_FOUND', { message: '链接无效或已过期。' });
    const photo = await photoForMediaToken(deps.db, c.req.valid('param').token);
    if (!photo) throw gone();
    const bytes = await deps.tips.files.get(photo.path).catch(() => {
      throw gone();
    });
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': photo.contentType,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    });
  });
}
