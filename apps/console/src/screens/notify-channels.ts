import type { notifyTargetListRoute } from '@portal/contract';
import type { SuccessBody } from '@portal/contract/client';

export type NotifyTargets = SuccessBody<typeof notifyTargetListRoute>;
export type UnitTarget = NotifyTargets['items'][number];
export type Channel = UnitTarget['channel'];

export const CHANNELS: readonly Channel[] = ['webhook', 'wecom'];

export const CHANNEL_NAMES: Readonly<Record<Channel, string>> = {
  webhook: '签名回调（Webhook）',
  wecom: '企业微信群机器人',
};
