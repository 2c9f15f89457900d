import { CATEGORIES } from '@portal/domain';
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import { useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { useState } from 'react';
import { DemoMark } from '../../components/DemoMark.tsx';
import { ListingCard } from '../../components/ListingCard.tsx';
import { useLargeType } from '../../lib/large-type.ts';
import { open } from '../../lib/navigate.ts';
import {
  EMPTY_STATE,
  facetOptions,
  KIND_OPTIONS,
  maxPage,
  type SearchState,
  SORT_OPTIONS,
} from '../../lib/search-state.ts';
import { useSearch } from './use-search.ts';

const CATEGORY_OPTIONS = [{ value: '', label: '全部失信情形' }].concat(
  CATEGORIES.map((c) => ({ value: String(c.code), label: c.shortLabel })),
);

/** 查询 (home): instant search, filters, paging, entry points to 涉民生 and 悬赏. */
export default function SearchPage() {
  const [state, setState] = useState<SearchState>(EMPTY_STATE);
  const [attempt, setAttempt] = useState(0);
  const [large, setLarge] = useLargeType();
  const phase = useSearch(state, attempt);
  const update = (patch: Partial<SearchState>) => setState((s) => ({ ...s, page: 1, ...patch }));

  useShareAppMessage(() => ({ title: '失信被执行人查询', path: '/pages/search/index' }));
  useShareTimeline(() => ({ title: '失信被执行人查询' }));

  const data = phase.kind === 'ok' ? phase.data : phase.kind === 'idle' ? null : (phase.previous ?? null);
  const kindIndex = KIND_OPTIONS.findIndex((o) => o.value === state.kind);
  const categoryIndex = CATEGORY_OPTIONS.findIndex((o) => o.value === state.category);
  const sortIndex = SORT_OPTIONS.findIndex((o) => o.value === state.sort);
  const regionOptions = facetOptions(data?.facets?.region, state.region, '全部地区');
  const courtOptions = facetOptions(data?.facets?.court, state.court, '全部法院');
  const regionIndex = Math.max(
    0,
    regionOptions.findIndex((o) => o.value === state.region),
  );
  const courtIndex = Math.max(
    0,
    courtOptions.findIndex((o) => o.value === state.court),
  );
  const demoShown = data?.hits.some((h) => h.demo) ?? false;

  return (
    <View className={large ? 'page large' : 'page'}>
      <View className="search-box" role="search">
        <Input
          className="search-input"
          type="text"
          confirmType="search"
          maxlength={100}
          value={state.q}
          placeholder="姓名 / 单位名称 / 身份证号 / 案号"
          aria-label="输入姓名、单位名称、身份证号、统一社会信用代码或案号"
          onInput={(e) => update({ q: e.detail.value })}
          onConfirm={() => setAttempt((n) => n + 1)}
        />
      </View>
      <Text className="hint">
        输入时自动查询。身份证号、统一社会信用代码须完整输入 18 位；案号可输入一部分，如“执1234”。
      </Text>

      <View className="entries">
        <Button
          className={state.livelihood ? 'entry active' : 'entry'}
          aria-pressed={state.livelihood}
          onClick={() => update({ livelihood: !state.livelihood })}
        >
          涉民生案件
        </Button>
        <Button className="entry" onClick={() => open('rewards')}>
          悬赏公告
        </Button>
        <Button className="entry" onClick={() => open('notices')}>
          公告与指南
        </Button>
        <Button className="entry" onClick={() => open('myTips')}>
          我的举报
        </Button>
      </View>

      <View className="filters">
        <Picker
          mode="selector"
          range={KIND_OPTIONS.map((o) => o.label)}
          value={Math.max(0, kindIndex)}
          onChange={(e) => update({ kind: KIND_OPTIONS[Number(e.detail.value)]?.value ?? '' })}
        >
          <View className="filter" aria-label="按类型筛选">
            {KIND_OPTIONS[Math.max(0, kindIndex)]?.label}
          </View>
        </Picker>
        <Picker
          mode="selector"
          range={CATEGORY_OPTIONS.map((o) => o.label)}
          value={Math.max(0, categoryIndex)}
          onChange={(e) => update({ category: CATEGORY_OPTIONS[Number(e.detail.value)]?.value ?? '' })}
        >
          <View className="filter" aria-label="按失信情形筛选">
            {CATEGORY_OPTIONS[Math.max(0, categoryIndex)]?.label}
          </View>
        </Picker>
        <Picker
          mode="selector"
          range={regionOptions.map((o) => o.label)}
          value={regionIndex}
          onChange={(e) => update({ region: regionOptions[Number(e.detail.value)]?.value ?? '' })}
        >
          <View className="filter" aria-label="按地区筛选">
            {regionOptions[regionIndex]?.label}
          </View>
        </Picker>
        <Picker
          mode="selector"
          range={courtOptions.map((o) => o.label)}
          value={courtIndex}
          onChange={(e) => update({ court: courtOptions[Number(e.detail.value)]?.value ?? '' })}
        >
          <View className="filter" aria-label="按执行法院筛选">
            {courtOptions[courtIndex]?.label}
          </View>
        </Picker>
        <Picker
          mode="selector"
          range={SORT_OPTIONS.map((o) => o.label)}
          value={Math.max(0, sortIndex)}
          onChange={(e) => update({ sort: SORT_OPTIONS[Number(e.detail.value)]?.value ?? 'relevance' })}
        >
          <View className="filter" aria-label="排序方式">
            排序：{SORT_OPTIONS[Math.max(0, sortIndex)]?.label}
          </View>
        </Picker>
      </View>

      <View className="status" aria-live="polite">
        {phase.kind === 'loading' ? <Text>正在查询…</Text> : null}
        {phase.kind === 'error' ? (
          <View className="error" role="alert">
            <Text>{phase.message}</Text>
            <Button className="link-button" onClick={() => setAttempt((n) => n + 1)}>
              重试
            </Button>
          </View>
        ) : null}
        {phase.kind === 'ok' ? (
          <Text>
            {phase.data.total === 0
              ? '没有找到符合条件的记录。'
              : `找到 ${phase.data.total} 条记录，第 ${phase.data.page} 页，共 ${maxPage(phase.data.total)} 页。`}
          </Text>
        ) : null}
        {demoShown ? (
          <View className="demo-note">
            <DemoMark />
            <Text>标有“演示数据”的记录为系统生成的虚构数据，非真实人员或单位。</Text>
          </View>
        ) : null}
      </View>

      <View className="results">
        {data?.hits.map((listing) => (
          <ListingCard
            key={listing.id}
            listing={listing}
            viaRepresentative={data.representativeMatches?.includes(listing.id) ?? false}
            onOpen={(id) => open('detail', { id })}
          />
        ))}
      </View>

      {data && data.total > 0 ? (
        <View className="pager">
          <Button
            className="pager-button"
            disabled={state.page <= 1}
            onClick={() => setState((s) => ({ ...s, page: s.page - 1 }))}
          >
            上一页
          </Button>
          <Text>
            {state.page} / {maxPage(data.total)}
          </Text>
          <Button
            className="pager-button"
            disabled={state.page >= maxPage(data.total)}
            onClick={() => setState((s) => ({ ...s, page: s.page + 1 }))}
          >
            下一页
          </Button>
        </View>
      ) : null}

      <View className="footer">
        <Button className="link-button" onClick={() => setLarge(!large)} aria-pressed={large}>
          {large ? '关闭大字模式' : '大字模式'}
        </Button>
        <Button className="link-button" onClick={() => open('privacy')}>
          隐私说明
        </Button>
      </View>
    </View>
  );
}
