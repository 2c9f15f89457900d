import type { TipReceipt } from '@portal/contract/routes';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { keepReceipt } from '../../lib/receipts.ts';
import { type SubscribeOutcome, subscribeToTipUpdates, tipTemplateId } from './subscribe.ts';

type Subscription =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; outcome: SubscribeOutcome }
  | { kind: 'failed' };

/**
 * After a tip was stored: the receipt code (shown this once), copy, keep on this device only if
 * the person agrees, and — in WeChat with a template configured — the one-time subscription.
 */
export function TipReceiptView({
  receipt,
  session,
  large,
}: {
  receipt: TipReceipt;
  /** the mini-program session the tip was sent with (subscriptions need it) */
  session: string | null;
  large: boolean;
}) {
  const [kept, setKept] = useState(false);
  const [subscription, setSubscription] = useState<Subscription>({ kind: 'idle' });
  const templateId = tipTemplateId();
  return (
    <View className={large ? 'page large' : 'page'}>
      <View className="card">
        <Text className="section-title">线索已提交</Text>
        <Text className="article-p">请抄下或复制回执码，凭它查询办理情况。回执码只显示这一次。</Text>
        <Text className="receipt mono" aria-label="回执码">
          {receipt.receipt}
        </Text>
        {receipt.registrationNo ? (
          <Text className="line">悬赏登记序号：第 {receipt.registrationNo} 号</Text>
        ) : null}
        <View className="actions">
          <Button
            className="button primary"
            onClick={() => Taro.setClipboardData({ data: receipt.receipt })}
            aria-label="复制回执码"
          >
            复制回执码
          </Button>
          {/* not `disabled`: Taro's H5 button turns a disabled button's text white (invisible here) */}
          <Button
            className="button"
            aria-pressed={kept}
            onClick={() => {
              keepReceipt({ receipt: receipt.receipt, submittedAt: receipt.submittedAt });
              setKept(true);
            }}
          >
            {kept ? '已保存在本机' : '同意在本机保存回执'}
          </Button>
        </View>
        <Text className="hint">保存后可在“我的举报”中直接查看进度；不保存则需要手动输入回执码。</Text>
        {templateId && session ? (
          <View className="subscribe">
            <Button
              className="button"
              disabled={subscription.kind === 'busy' || subscription.kind === 'done'}
              onClick={async () => {
                setSubscription({ kind: 'busy' });
                try {
                  const outcome = await subscribeToTipUpdates(templateId, receipt.receipt, session);
                  setSubscription({ kind: 'done', outcome });
                } catch {
                  setSubscription({ kind: 'failed' });
                }
              }}
            >
              订阅办理进度提醒
            </Button>
            <Text className="hint" aria-live="polite">
              {subscription.kind === 'done'
                ? subscription.outcome === 'subscribed'
                  ? '已订阅：办理状态变化时，微信会通知您一次。'
                  : '您未同意接收通知，可随时在“我的举报”中查看进度。'
                : subscription.kind === 'failed'
                  ? '订阅未成功，可稍后在“我的举报”中查看进度。'
                  : '同意后，办理状态下一次变化时微信会通知您一次。'}
            </Text>
          </View>
        ) : null}
      </View>
    </View>
  );
}
