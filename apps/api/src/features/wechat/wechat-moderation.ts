import { MSG_SEC_CHECK_MAX, type WechatClient, WechatError } from '@portal/wechat';
import type { Logger } from '../../logger.ts';
import type { ModerationPort } from '../tips/moderation.ts';

const RISKY = '内容含有违法违规信息，未能提交。请如实、文明地描述线索后重试。';

/**
 * Content security for tips from the mini-program (a WeChat user, hence an openid): the text goes
 * through `msgSecCheck` v2; `risky` (or the old 87014) refuses the tip, `review` lets it through
 * (court staff read every tip anyway). Tips without an openid (site, H5) use `fallback`. WeChat
 * failing otherwise does not stop a tip: it is accepted and the failure logged.
 * Photos are checked apart, after the tip is stored: media-checks.ts (`mediaCheckAsync` v2) and
 * wechat-push-routes.ts (the verdict, pushed by WeChat up to 30 minutes later).
 */
export function createWechatModeration(
  client: WechatClient,
  fallback: ModerationPort,
  logger: Logger,
): ModerationPort {
  return {
    async check(input) {
      if (!input.openid) return fallback.check(input);
      const content = [...input.text].slice(0, MSG_SEC_CHECK_MAX).join('');
      try {
        const verdict = await client.checkText({ openid: input.openid, content, scene: 2 });
        if (verdict.suggest === 'risky') {
          logger.info({ label: verdict.label, traceId: verdict.traceId }, 'tip refused by msgSecCheck');
          return { ok: false, reason: RISKY };
        }
        return { ok: true };
      } catch (error) {
        if (error instanceof WechatError && error.errcode === 87014) return { ok: false, reason: RISKY };
        logger.warn({ err: error }, 'msgSecCheck failed; tip accepted unchecked');
        return { ok: true };
      }
    },
  };
}
