import { publishListingRoute, staffListingsRoute } from '@portal/contract';
import type { SuccessBody } from '@portal/contract/client';
import {
  type CategoryCode,
  categoryLabel,
  formatFen,
  isCategoryCode,
  isRemovalReason,
  removalReasonLabel,
  todayInChina,
} from '@portal/domain';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api.ts';
import { Outcome } from '../components/Outcome.tsx';
import { Pager } from '../components/Pager.tsx';
import { type TabItem, Tabs } from '../components/Tabs.tsx';
import {
  ListingFilters,
  type ListingFilterValues,
  listingFilterQuery,
  NO_LISTING_FILTERS,
} from './ListingFilters.tsx';
import { RemoveForm } from './RemoveForm.tsx';

type Page = SuccessBody<typeof staffListingsRoute>;
export type StaffListing = Page['items'][number];
type Status = StaffListing['status'];

const TABS: readonly TabItem<Status>[] = [
  { id: 'draft', label: '草稿' },
  { id: 'published', label: '已发布' },
  { id: 'removed', label: '已删除' },
];

const category = (code: number) =>
  isCategoryCode(code) ? categoryLabel(code as CategoryCode) : `第 ${code} 类`;

/** Term end for the table: open-ended (category 1), or the date with the API's art. 10 clock once it has passed. */
function TermEnd({ listing }: { listing: StaffListing }) {
  if (!listing.termEndsAt) return <>无固定期限</>;
  const clock = listing.status === 'published' ? listing.removalClock : null;
  if (!clock) return <>{listing.termEndsAt}</>;
  const deadline = `${clock.deadline}${clock.estimate ? '（估算）' : ''}`;
  return (
    <>
      {listing.termEndsAt}{' '}
      <strong className="flag">
        {clock.overdue ? `已届满，逾期未删（时限 ${deadline}）` : `已届满，应于 ${deadline} 前删除`}
      </strong>
    </>
  );
}

/** When and why a listing was removed, and whether the art. 10 deadline was met. */
function Removal({ listing }: { listing: StaffListing }) {
  const reason =
    listing.removalReason && isRemovalReason(listing.removalReason)
      ? `：${removalReasonLabel(listing.removalReason)}`
      : '';
  const clock = listing.removalClock;
  return (
    <>
      {listing.removedAt ? todayInChina(new Date(listing.removedAt)) : '—'}
      {reason}
      {clock ? (
        <span className={clock.state === 'late' ? 'flag block' : 'muted block'}>
          事由发生 {clock.eventDate}，时限 {clock.deadline}
          {clock.estimate ? '（估算）' : ''}，{clock.state === 'late' ? '逾期删除' : '按时删除'}
        </span>
      ) : null}
    </>
  );
}

/**
 * Drafts, published and removed listings of the staff member's scope (a unit member sees its
 * unit's only: the API decides), 50 a page; publish a draft, remove a published listing.
 */
export function ListingsScreen() {
  const [status, setStatus] = useState<Status>('draft');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const [busyId, setBusyId] = useState<string | null>(null);
  const [removing, setRemoving] = useState<StaffListing | null>(null);
  const [filters, setFilters] = useState<ListingFilterValues>(NO_LISTING_FILTERS);

  const load = useCallback(async () => {
    setError(null);
    try {
      setData(
        await api.call(staffListingsRoute, { query: { status, page, ...listingFilterQuery(filters) } }),
      );
    } catch (e) {
      setError(e);
    }
  }, [status, page, filters]);
  useEffect(() => {
    void load();
  }, [load]);

  function selectTab(next: Status) {
    setStatus(next);
    setPage(1);
    setDone('');
    setRemoving(null);
  }

  async function publish(listing: StaffListing) {
    setBusyId(listing.id);
    setError(null);
    setDone('');
    try {
      await api.call(publishListingRoute, { params: { id: listing.id } });
      setDone(`已发布“${listing.name}”，案号${listing.caseNo}。`);
      await load();
    } catch (e) {
      setError(e);
      await load();
    } finally {
      setBusyId(null);
    }
  }

  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const items = data?.items ?? [];

  return (
    <section aria-labelledby="listings-title">
      <h1 id="listings-title">名单</h1>
      <ListingFilters
        onApply={(next) => {
          setFilters(next);
          setPage(1);
          setDone('');
        }}
      />
      <Tabs label="名单状态" idPrefix="listings" items={TABS} selected={status} onSelect={selectTab} />
      <div id="listings-panel" role="tabpanel" aria-labelledby={`listings-tab-${status}`}>
        <Outcome error={error} done={done} />
        {removing ? (
          <RemoveForm
            listing={removing}
            onCancel={() => setRemoving(null)}
            onRefused={() => void load()}
            onRemoved={async (message) => {
              setRemoving(null);
              setDone(message);
              await load();
            }}
          />
        ) : null}
        <p className="muted" aria-live="polite">
          {data ? `共 ${data.total} 条，第 ${data.page} / ${pages} 页` : '正在载入…'}
        </p>
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{TABS.find((t) => t.id === status)?.label}名单</caption>
            <thead>
              <tr>
                <th scope="col">姓名或名称</th>
                <th scope="col">案号</th>
                <th scope="col">失信情形</th>
                <th scope="col">未履行金额</th>
                <th scope="col">公布日期</th>
                <th scope="col">期限届满</th>
                {status === 'removed' ? <th scope="col">删除</th> : null}
                {status !== 'removed' ? <th scope="col">操作</th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((l) => (
                <tr key={l.id}>
                  <td>
                    {l.name}
                    {l.demo ? <span className="tag">演示数据</span> : null}
                  </td>
                  <td>{l.caseNo}</td>
                  <td>{category(l.category)}</td>
                  <td className="num">{formatFen(l.amountOwedFen)}</td>
                  <td className="nowrap">{l.listedAt ?? '—'}</td>
                  <td>
                    <TermEnd listing={l} />
                  </td>
                  {status === 'removed' ? (
                    <td>
                      <Removal listing={l} />
                    </td>
                  ) : null}
                  {status === 'draft' ? (
                    <td>
                      <button
                        type="button"
                        className="secondary"
                        disabled={busyId === l.id}
                        aria-label={`发布 ${l.name}，${l.caseNo}`}
                        onClick={() => publish(l)}
                      >
                        发布
                      </button>
                    </td>
                  ) : null}
                  {status === 'published' ? (
                    <td>
                      <button
                        type="button"
                        className="secondary"
                        aria-label={`删除 ${l.name}，${l.caseNo}`}
                        onClick={() => {
                          setDone('');
                          setRemoving(l);
                        }}
                      >
                        删除…
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
              {data && items.length === 0 ? (
                <tr>
                  <td colSpan={7}>没有记录。</td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
        <Pager page={page} pages={pages} onPage={setPage} />
      </div>
    </section>
  );
}
