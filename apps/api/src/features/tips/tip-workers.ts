import type { Database } from '@portal/db';
import type { AppDeps } from '../../context.ts';
import type { Logger } from '../../logger.ts';
import { startWechatMediaCheckWorker, type WechatMediaCheckWorker } from '../wechat/media-checks.ts';
import { startWechatMessageWorker, type WechatMessageWorker } from '../wechat/tip-status-messages.ts';
import { createWechatModeration } from '../wechat/wechat-moderation.ts';
import { startNotificationWorker } from './notifications/worker.ts';
import { startOrphanPhotoPurge } from './orphan-photos.ts';

export interface TipWorkers {
  tipNotifier: ReturnType<typeof startNotificationWorker> | null;
  wechatMessages: WechatMessageWorker | null;
  wechatMediaChecks: WechatMediaCheckWorker | null;
  stop(): Promise<void>;
}

/**
 * What runs behind the tip-offs: unit notifications (webhook, 企业微信), WeChat subscription
 * messages and photo checks when WeChat is configured, and the purge of orphan photo uploads;
 * each woken by the request that queued its work. `workers: false` starts none (tests of a
 * process that died after committing). WeChat moderation of mini-program tips is installed here
 * too, since it wraps the tips' moderation port.
 */
export function startTipWorkers(deps: AppDeps, db: Database, logger: Logger, workers: boolean): TipWorkers {
  const wechatClient = deps.wechat.client;
  if (wechatClient) deps.tips.moderation = createWechatModeration(wechatClient, deps.tips.moderation, logger);
  const common = { db, wechat: deps.wechat, keyring: deps.tips.keyring, logger };
  const wechatMessages =
    workers && wechatClient ? startWechatMessageWorker({ ...common, now: deps.now }) : null;
  if (wechatMessages) deps.wechat.wake = wechatMessages.wake;
  const wechatMediaChecks =
    workers && wechatClient && deps.wechat.mediaBaseUrl ? startWechatMediaCheckWorker(common) : null;
  if (wechatMediaChecks) deps.wechat.wakeMedia = wechatMediaChecks.wake;
  const tipNotifier = workers
    ? startNotificationWorker({
        db,
        targets: deps.tips.notify,
        keyring: deps.tips.keyring,
        logger,
        now: deps.now,
      })
    : null;
  if (tipNotifier) deps.tips.wake = tipNotifier.wake;
  const photoPurge = workers
    ? startOrphanPhotoPurge({
        db,
        files: () => deps.tips.files,
        now: deps.now,
        onError: (err) => logger.warn({ err }, 'tip photo purge failed'),
      })
    : null;
  return {
    tipNotifier,
    wechatMessages,
    wechatMediaChecks,
    async stop() {
      photoPurge?.stop();
      await tipNotifier?.stop();
      await wechatMessages?.stop();
      await wechatMediaChecks?.stop();
    },
  };
}
