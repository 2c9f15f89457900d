import { rewardClaimsRoute, rewardPublishRoute, staffRewardListRoute } from '@portal/contract';
import type { SuccessBody } from '@portal/contract/client';
import { TIP_KIND_LABELS, TIP_STATUS_LABELS, type TipKind, type TipStatus } from '@portal/domain';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { api } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { type TabItem, Tabs } from '../components/Tabs.tsx';
import { chinaDateTime } from '../format.ts';
import { RewardApplicationForm } from './RewardApplicationForm.tsx';

type Reward = SuccessBody<typeof staffRewardListRoute>['items'][number];
type Claims = SuccessBody<typeof rewardClaimsRoute>['items'];
type Status = Reward['status'];

const TABS: readonly TabItem<Status>[] = [
  { id: 'draft', label: '待决定的申请' },
  { id: 'published', label: '已发布的公告' },
  { id: 'ended', label: '已结束' },
];

/** Art. 21: the court decides on the written application within ten days of receiving it. */
function DecisionClock({ r }: { r: Reward }) {
  if (r.status !== 'draft') return <>{r.decisionDeadline}</>;
  if (r.decisionDaysLeft < 0)
    return (
      <>
        {r.decisionDeadline} <strong className="flag">已逾期 {-r.decisionDaysLeft} 日</strong>
      </>
    );
  return (
    <>
      {r.decisionDeadline}（{r.decisionDaysLeft === 0 ? '今日届满' : `剩 ${r.decisionDaysLeft} 日`}）
    </>
  );
}

/**
 * 悬赏 (法释〔2017〕8号 arts. 21–24): register a creditor's written application, publish the notice
 * within the ten-day decision period, and read each notice's register of claims in the order the
 * leads came in (art. 23). Informants' identities never appear here.
 */
export function RewardsScreen() {
  const [status, setStatus] = useState<Status>('draft');
  const [items, setItems] = useState<Reward[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const [claimsOf, setClaimsOf] = useState<Reward | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setItems((await api.call(staffRewardListRoute, { query: { status } })).items);
    } catch (e) {
      setError(e);
    }
  }, [status]);
  useEffect(() => {
    void load();
  }, [load]);

  async function publish(r: Reward) {
    setError(null);
    setDone('');
    try {
      await api.call(rewardPublishRoute, { params: { id: r.id } });
      setDone(`已发布“${r.listingName}”的悬赏公告。`);
      await load();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section aria-labelledby="rewards-title">
      <h1 id="rewards-title">悬赏</h1>
      <RewardApplicationForm
        onCreated={async (message) => {
          setDone(message);
          setStatus('draft');
          await load();
        }}
      />
      <Tabs
        label="悬赏状态"
        idPrefix="rewards"
        items={TABS}
        selected={status}
        onSelect={(next) => {
          setStatus(next);
          setClaimsOf(null);
          setDone('');
        }}
      />
      <div id="rewards-panel" role="tabpanel" aria-labelledby={`rewards-tab-${status}`}>
        <ErrorBanner error={error} />
        {done ? (
          <p className="ok" role="status">
            {done}
          </p>
        ) : null}
        <p className="muted" aria-live="polite">
          {items ? `共 ${items.length} 件` : '正在载入…'}
        </p>
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{TABS.find((t) => t.id === status)?.label}</caption>
            <thead>
              <tr>
                <th scope="col">被执行人</th>
                <th scope="col">悬赏金</th>
                <th scope="col">公告期间</th>
                <th scope="col">申请收到</th>
                <th scope="col">决定期限</th>
                <th scope="col">登记线索</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {(items ?? []).map((r) => (
                <tr key={r.id}>
                  <td>
                    {r.listingName}
                    <span className="muted block">{r.caseNo}</span>
                  </td>
                  <td>{r.termsText}</td>
                  <td className="nowrap">
                    {r.startsAt} 至 {r.endsAt}
                    {r.status === 'published' ? (
                      <span className="muted block">{r.inForce ? '公告中' : '不在公告期内'}</span>
                    ) : null}
                  </td>
                  <td className="nowrap">{r.applicationReceivedOn}</td>
                  <td>
                    <DecisionClock r={r} />
                  </td>
                  <td className="num">{r.claimCount}</td>
                  <td>
                    {r.status === 'draft' ? (
                      <button
                        type="button"
                        className="secondary"
                        aria-label={`发布 ${r.listingName} 的悬赏公告`}
                        onClick={() => publish(r)}
                      >
                        发布
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="secondary"
                        aria-label={`查看 ${r.listingName} 的悬赏线索登记簿`}
                        onClick={() => setClaimsOf(r)}
                      >
                        登记簿
                      </button>
                    )}
                  </td>
                </tr>
              ))}
              {items && items.length === 0 ? (
                <tr>
                  <td colSpan={7}>没有记录。</td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
        {claimsOf ? <ClaimRegister reward={claimsOf} onClose={() => setClaimsOf(null)} /> : null}
      </div>
    </section>
  );
}

/** Art. 23: the leads claiming a notice, by registration number; no identities. */
function ClaimRegister({ reward, onClose }: { reward: Reward; onClose: () => void }) {
  const [claims, setClaims] = useState<Claims | null>(null);
  const [error, setError] = useState<unknown>(null);
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    setClaims(null);
    api
      .call(rewardClaimsRoute, { params: { id: reward.id } })
      .then((r) => setClaims(r.items))
      .catch(setError);
    heading.current?.focus();
  }, [reward.id]);

  return (
    <section className="card claims" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        悬赏线索登记簿：{reward.listingName}（{reward.termsText}）
      </h2>
      <p className="muted">按线索提供的先后顺序登记（第二十三条）；举报人身份不在此显示。</p>
      <ErrorBanner error={error} />
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">悬赏线索登记簿</caption>
          <thead>
            <tr>
              <th scope="col">登记序号</th>
              <th scope="col">登记时间</th>
              <th scope="col">类型</th>
              <th scope="col">状态</th>
              <th scope="col">情况描述</th>
            </tr>
          </thead>
          <tbody>
            {(claims ?? []).map((c) => (
              <tr key={c.registrationNo}>
                <td className="num">第 {c.registrationNo} 号</td>
                <td className="nowrap">{chinaDateTime(c.registeredAt)}</td>
                <td>{TIP_KIND_LABELS[c.kind as TipKind] ?? c.kind}</td>
                <td>{TIP_STATUS_LABELS[c.status as TipStatus] ?? c.status}</td>
                <td>{c.description}</td>
              </tr>
            ))}
            {claims && claims.length === 0 ? (
              <tr>
                <td colSpan={5}>尚无申领该悬赏的线索。</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <div className="actions">
        <button type="button" className="secondary" onClick={onClose}>
          关闭登记簿
        </button>
      </div>
    </section>
  );
}
