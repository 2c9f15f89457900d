import { ApiClientError } from '@portal/contract/client';
import type { PublicReward } from '@portal/contract/routes';
import { rewardDetailRoute, rewardListRoute } from '@portal/contract/routes';
import { Button, Text, View } from '@tarojs/components';
import { useDidShow, useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { DemoMark } from '../../components/DemoMark.tsx';
import { formatFen } from '../../lib/format.ts';
import { useLargeType } from '../../lib/large-type.ts';
import { open } from '../../lib/navigate.ts';

type State = { kind: 'loading' } | { kind: 'ok'; items: PublicReward[] } | { kind: 'error'; message: string };

/**
 * 悬赏公告: notices in force (optionally for one listing, or the one a poster's code names), each
 * with its terms and a 举报 entry.
 */
export default function RewardsPage() {
  const { params } = useRouter();
  const listingId = params.listingId ?? '';
  // a poster's mini-program code (getwxacodeunlimit) opens this page with the notice id as `scene`
  const noticeId = params.scene ? decodeURIComponent(params.scene) : '';
  const [large] = useLargeType();
  const [state, setState] = useState<State>({ kind: 'loading' });
  useShareAppMessage(() => ({ title: '悬赏公告', path: '/sub/rewards/index' }));
  useShareTimeline(() => ({ title: '悬赏公告' }));
  useDidShow(() => {
    const load = noticeId
      ? api.call(rewardDetailRoute, { params: { id: noticeId } }).then((r) => [r])
      : api.call(rewardListRoute, { query: listingId ? { listingId } : {} }).then((r) => r.items);
    load
      .then((items) => setState({ kind: 'ok', items }))
      .catch((err) =>
        setState({
          kind: 'error',
          message: err instanceof ApiClientError ? err.message : '加载失败，请稍后重试。',
        }),
      );
  });
  return (
    <View className={large ? 'page large' : 'page'}>
      {state.kind === 'loading' ? <Text>正在加载…</Text> : null}
      {state.kind === 'error' ? (
        <View role="alert">
          <Text className="error">{state.message}</Text>
        </View>
      ) : null}
      {state.kind === 'ok' && state.items.length === 0 ? (
        <View className="notice-box">
          <Text>{listingId ? '该被执行人目前没有悬赏公告。' : '目前没有正在悬赏的公告。'}</Text>
        </View>
      ) : null}
      {state.kind === 'ok'
        ? state.items.map((r) => (
            <View className="card" key={r.id}>
              <View className="card-title">
                <Text className="name">{r.defaulter.name}</Text>
                {r.demo ? <DemoMark /> : null}
              </View>
              <Text className="line">{r.caseNo}</Text>
              <Text className="line">{r.court}</Text>
              <Text className="line">未履行金额 {formatFen(r.defaulter.amountOwedFen)}</Text>
              <Text className="line amount">{r.termsText}</Text>
              {r.conditions.map((c) => (
                <Text className="article-li" key={c}>
                  • {c}
                </Text>
              ))}
              <Text className="hint">
                {r.startsAt} 至 {r.endsAt}
                {r.courtPhone ? ` · 咨询电话 ${r.courtPhone}` : ''}
              </Text>
              <Button
                className="button primary"
                onClick={() =>
                  open('tip', {
                    listingId: r.listingId,
                    rewardNoticeId: r.id,
                    name: r.defaulter.name,
                    caseNo: r.caseNo,
                  })
                }
              >
                提供线索并申领悬赏
              </Button>
            </View>
          ))
        : null}
    </View>
  );
}
