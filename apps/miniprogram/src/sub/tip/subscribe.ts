import { tipSubscribeRoute } from '@portal/contract/routes';
import Taro from '@tarojs/taro';
import { api } from '../../api/client.ts';
import { SESSION_HEADER } from '../../lib/wechat-session.ts';

declare const TIP_TEMPLATE_ID: string | undefined;

/**
 * The subscription-message template for "your tip's status changed", given at build time
 * (MINIPROGRAM_TIP_TEMPLATE_ID). Without it — and always on H5, where WeChat's subscription
 * messages do not exist — the receipt page offers no subscription.
 */
export function tipTemplateId(): string {
  if (process.env.TARO_ENV !== 'weapp') return '';
  return typeof TIP_TEMPLATE_ID === 'string' ? TIP_TEMPLATE_ID : '';
}

export type SubscribeOutcome = 'subscribed' | 'declined';

/**
 * Must run inside a tap handler (WeChat's rule for `requestSubscribeMessage`). A one-time
 * subscription: the tipster gets one message at the next status change.
 */
export async function subscribeToTipUpdates(
  templateId: string,
  receipt: string,
  session: string,
): Promise<SubscribeOutcome> {
  const answer = (await Taro.requestSubscribeMessage({ tmplIds: [templateId], entityIds: [] })) as Record<
    string,
    string
  >;
  if (answer[templateId] !== 'accept') return 'declined';
  await api.call(tipSubscribeRoute, { json: { receipt }, headers: { [SESSION_HEADER]: session } });
  return 'subscribed';
}
