import { ApiClientError } from '@portal/contract/client';
import { listingDetailRoute, shareCardRoute } from '@portal/contract/routes';
import { CONSUMPTION_BAN_ITEMS } from '@portal/domain';
import { Button, Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { api, apiUrl } from '../../api/client.ts';
import { DemoMark } from '../../components/DemoMark.tsx';
import { useLargeType } from '../../lib/large-type.ts';
import { open } from '../../lib/navigate.ts';
import { detailRows, type Listing } from './fields.ts';

type State =
  | { kind: 'loading' }
  | { kind: 'ok'; listing: Listing }
  | { kind: 'gone'; message: string }
  | { kind: 'error'; message: string };

/**
 * 详情: the public fields of one listing, the consumption ban, 举报/悬赏, sharing. Read-only and
 * without login, so it also works in Moments' single-page mode. Reloaded each time the page
 * shows: a listing removed meanwhile disappears instead of lingering from a cache.
 */
export default function DetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [large] = useLargeType();
  const singlePage = Taro.getLaunchOptionsSync?.().scene === 1154; // opened from Moments

  const load = useCallback(async () => {
    if (!id) {
      setState({ kind: 'gone', message: '缺少记录编号。' });
      return;
    }
    try {
      setState({ kind: 'ok', listing: await api.call(listingDetailRoute, { params: { id } }) });
    } catch (err) {
      if (err instanceof ApiClientError && (err.status === 404 || err.status === 410)) {
        setState({ kind: 'gone', message: '该信息不存在或已依法删除。' });
      } else {
        setState({
          kind: 'error',
          message: err instanceof ApiClientError ? err.message : '加载失败，请重试。',
        });
      }
    }
  }, [id]);
  useDidShow(() => {
    void load();
  });

  const cardUrl = apiUrl(api.url(shareCardRoute, { params: { file: `${id}.png` } }));
  const title = state.kind === 'ok' ? `失信被执行人：${state.listing.name}` : '失信被执行人信息';
  useShareAppMessage(() => ({
    title,
    path: `/pages/detail/index?id=${encodeURIComponent(id)}`,
    imageUrl: cardUrl,
  }));
  useShareTimeline(() => ({ title, query: `id=${encodeURIComponent(id)}`, imageUrl: cardUrl }));

  if (state.kind === 'loading') {
    return (
      <View className="page">
        <Text>正在加载…</Text>
      </View>
    );
  }
  if (state.kind !== 'ok') {
    return (
      <View className={large ? 'page large' : 'page'}>
        <View className="notice-box" role="alert">
          <Text>{state.message}</Text>
        </View>
        {state.kind === 'error' ? (
          <Button className="button" onClick={() => void load()}>
            重试
          </Button>
        ) : null}
      </View>
    );
  }
  const { listing } = state;
  return (
    <View className={large ? 'page large' : 'page'}>
      <View className="card">
        <View className="card-title">
          <Text className="name">{listing.name}</Text>
          {listing.demo ? <DemoMark /> : null}
        </View>
        {listing.demo ? <Text className="hint">本条为系统生成的演示数据，非真实人员或单位。</Text> : null}
        <View className="fields">
          {detailRows(listing).map((row) => (
            <View className="field" key={row.label}>
              <Text className="field-label">{row.label}</Text>
              <Text className="field-value">{row.value}</Text>
            </View>
          ))}
        </View>
      </View>

      <View className="card">
        <Text className="section-title">限制消费措施</Text>
        <Text className="hint">失信被执行人同时被限制以下高消费及非生活和工作必需的消费行为：</Text>
        {CONSUMPTION_BAN_ITEMS.map((item) => (
          <Text className="ban-item" key={item.item}>
            {item.item}. {item.text}
          </Text>
        ))}
      </View>

      {singlePage ? null : (
        <View className="actions">
          <Button
            className="button primary"
            onClick={() => open('tip', { listingId: listing.id, name: listing.name, caseNo: listing.caseNo })}
          >
            举报线索
          </Button>
          <Button className="button" onClick={() => open('rewards', { listingId: listing.id })}>
            悬赏公告
          </Button>
          <Button className="button" openType="share">
            分享给好友
          </Button>
        </View>
      )}

      <View className="card share-card">
        <Text className="section-title">分享卡片</Text>
        <Image
          className="share-image"
          src={cardUrl}
          mode="widthFix"
          aria-label={`${listing.name}的分享卡片`}
        />
        <Text className="hint mono share-url">{cardUrl}</Text>
      </View>
    </View>
  );
}
