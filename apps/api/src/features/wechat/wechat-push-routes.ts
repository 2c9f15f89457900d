import { wechatPushHandshakeRoute, wechatPushRoute } from '@portal/contract';
import type { ApiApp, AppDeps } from '../../context.ts';
import { ApiError } from '../../errors.ts';
import { isValidPushSignature } from './wechat-push-signature.ts';

type PushQuery = {
  signature?: string | undefined;
  timestamp?: string | undefined;
  nonce?: string | undefined;
  encrypt_type?: string | undefined;
};

/**
 * WeChat's message push (消息推送) to `/api/v1/wechat/events`, JSON plaintext mode only: the GET
 * handshake echoes `echostr`, the POST acknowledges with `success`. Both refuse (401) a call whose
 * signature does not match WECHAT_PUSH_TOKEN, and answer 503 without that token. The encrypted
 * (安全) mode is not supported and is refused with 400, so a misconfigured backend is noticed.
 * UNFINISHED: `wxa_media_check` verdicts are acknowledged but not acted on: photos are not yet
 * submitted to `mediaCheckAsync`, so no trace id is known here and a `risky` verdict cannot be
 * matched to a photo to quarantine it (see wechat-moderation.ts).
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
        message: '仅支持明文模式的微信消息推送，不支持安全模式（加密）。',
        logDetail: `WeChat push encrypt_type=${query.encrypt_type.slice(0, 16)}`,
      });
  };

  app.openapi(wechatPushHandshakeRoute, (c) => {
    const query = c.req.valid('query');
    verify(query);
    c.header('Cache-Control', 'no-store');
    return c.text(query.echostr ?? '', 200);
  });

  app.openapi(wechatPushRoute, (c) => {
    verify(c.req.valid('query'));
    const event = c.req.valid('json');
    if ('Encrypt' in event)
      throw new ApiError('BAD_REQUEST', {
        message: '仅支持明文模式的微信消息推送，不支持安全模式（加密）。',
        logDetail: 'WeChat push body carries Encrypt',
      });
    if (event.Event === 'wxa_media_check')
      // no submission is recorded yet (UNFINISHED above): every trace id is unknown, hence ignored
      deps.logger.info(
        { traceId: event.trace_id, suggest: event.result?.suggest },
        'wxa_media_check for an unknown trace id ignored',
      );
    return c.text('success', 200);
  });
}
