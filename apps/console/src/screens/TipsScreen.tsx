import { type meRoute, staffTipListRoute } from '@portal/contract';
import type { SuccessBody } from '@portal/contract/client';
import { TIP_STATUS_LABELS, TIP_STATUSES, type TipStatus } from '@portal/domain';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { Pager } from '../components/Pager.tsx';
import { type TabItem, Tabs } from '../components/Tabs.tsx';
import { chinaDateTime } from '../format.ts';
import { DeadLetters } from './DeadLetters.tsx';
import { TipDetail } from './TipDetail.tsx';
import { OpenClock } from './TipOpenClock.tsx';

type Me = SuccessBody<typeof meRoute>;
type TipList = SuccessBody<typeof staffTipListRoute>;
type Filter = 'all' | TipStatus;

const TABS: readonly TabItem<Filter>[] = [
  { id: 'all', label: '全部' },
  ...TIP_STATUSES.map((s) => ({ id: s, label: TIP_STATUS_LABELS[s] })),
];
const PAGE_SIZE = 50;

/**
 * 举报线索: the unit's inbox (unopened first, then the longest waiting), the detail of the tip
 * being worked on beside it. Opening a tip marks it read on the server (the API records the
 * first opening), which stops the unit's reminders.
 */
export function TipsScreen({ me }: { me: Me }) {
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const [list, setList] = useState<TipList | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  // opening the tip on screen again reloads it (a custodian may have decided meanwhile)
  const [openCount, setOpenCount] = useState(0);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setList(
        await api.call(staffTipListRoute, {
          query: { page, ...(filter === 'all' ? {} : { status: filter }) },
        }),
      );
    } catch (e) {
      setError(e);
    }
  }, [filter, page]);
  useEffect(() => {
    void load();
  }, [load]);

  const pages = Math.max(1, Math.ceil((list?.total ?? 0) / PAGE_SIZE));
  const unread = list?.items.filter((t) => !t.openedAt).length ?? 0;

  return (
    <section aria-labelledby="tips-title">
      <h1 id="tips-title">举报线索</h1>
      <Tabs
        label="线索状态"
        idPrefix="tips"
        items={TABS}
        selected={filter}
        onSelect={(next) => {
          setFilter(next);
          setPage(1);
        }}
      />
      <div id="tips-panel" role="tabpanel" aria-labelledby={`tips-tab-${filter}`} className="inbox">
        <div className="inbox-list">
          <ErrorBanner error={error} />
          <p className="muted" aria-live="polite">
            {list
              ? `共 ${list.total} 条，本页未阅 ${unread} 条；未阅的在前，再按收到先后，第 ${page} / ${pages} 页`
              : '正在载入…'}
          </p>
          <div className="table-scroll">
            <table>
              <caption className="visually-hidden">举报线索列表</caption>
              <thead>
                <tr>
                  <th scope="col">收到时间</th>
                  <th scope="col">被执行人</th>
                  <th scope="col">类型</th>
                  <th scope="col">状态</th>
                  <th scope="col">时限</th>
                </tr>
              </thead>
              <tbody>
                {(list?.items ?? []).map((t) => (
                  <tr
                    key={t.id}
                    className={t.openedAt ? undefined : 'unread'}
                    aria-current={openId === t.id ? 'true' : undefined}
                  >
                    <td className="nowrap">
                      <button
                        type="button"
                        className="link"
                        aria-label={`打开线索：${t.listingName}，${chinaDateTime(t.receivedAt)}${t.openedAt ? '' : '（未阅）'}`}
                        onClick={() => {
                          setOpenId(t.id);
                          setOpenCount((n) => n + 1);
                        }}
                      >
                        {chinaDateTime(t.receivedAt)}
                      </button>
                      {t.openedAt ? null : <span className="tag unread-tag">未阅</span>}
                    </td>
                    <td>
                      {t.listingName}
                      <span className="muted block">{t.caseNo}</span>
                    </td>
                    <td>
                      {t.kindLabel}
                      {t.photoCount > 0 ? <span className="muted block">照片 {t.photoCount} 张</span> : null}
                      {t.registrationNo ? (
                        <span className="muted block">悬赏登记第 {t.registrationNo} 号</span>
                      ) : null}
                    </td>
                    <td>{t.statusLabel}</td>
                    <td>
                      <OpenClock tip={t} />
                    </td>
                  </tr>
                ))}
                {list && list.items.length === 0 ? (
                  <tr>
                    <td colSpan={5}>没有线索。</td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </div>
          {pages > 1 ? <Pager page={page} pages={pages} onPage={setPage} /> : null}
        </div>
        <div className="inbox-detail">
          {openId ? (
            <TipDetail
              key={`${openId}-${openCount}`}
              id={openId}
              me={me}
              onChanged={load}
              onClose={() => setOpenId(null)}
            />
          ) : (
            <p className="muted card">从左侧列表选择一条线索查看详情。</p>
          )}
        </div>
      </div>
      <DeadLetters />
    </section>
  );
}
