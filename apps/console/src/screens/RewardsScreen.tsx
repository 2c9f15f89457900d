import { rewardClaimsRoute, rewardPublishRoute, staffRewardListRoute } from '@portal/contract';
import type { SuccessBody } from '@portal/contract/client';
import { TIP_KIND_LABELS, TIP_STATUS_LABELS, type TipKind, type TipStatus } from '@portal/domain';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { api } from '../api.ts';
import { Outcome } from '../components/Outcome.tsx';
import { QueuePanel } from '../components/QueuePanel.tsx';
import { QueueTable } from '../components/QueueTable.tsx';
import { type TabItem, Tabs } from '../components/Tabs.tsx';
import { useQueue } from '../components/use-queue.ts';
import { chinaDateTime, yuan } from '../format.ts';
import { RewardApplicationForm } from './RewardApplicationForm.tsx';
import { RewardPaymentForm } from './RewardPaymentForm.tsx';

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

const fetchRewards = async (status: Status) =>
  (await api.call(staffRewardListRoute, { query: { status } })).items;

/**
 * 悬赏 (法释〔2017〕8号 arts. 21–24): register a creditor's written application, publish the notice
 * within the ten-day decision period, read each notice's register of claims in the order the
 * leads came in (art. 23) and record the 悬赏金 paid on a claim (art. 24). Informants' identities
 * never appear here.
 */
export function RewardsScreen() {
  const [status, setStatus] = useState<Status>('draft');
  const { items, error, setError, reload: load } = useQueue(status, fetchRewards);
  const [done, setDone] = useState('');
  const [claimsOf, setClaimsOf] = useState<Reward | null>(null);

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
      <QueuePanel idPrefix="rewards" selected={status} error={error} done={done}>
        <QueueTable
          caption={TABS.find((t) => t.id === status)?.label}
          columns={['被执行人', '悬赏金', '公告期间', '申请收到', '决定期限', '登记线索', '操作']}
          items={items}
          count={(all) => `共 ${all.length} 件`}
          empty="没有记录。"
          row={(r) => (
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
          )}
        />
        {claimsOf ? <ClaimRegister reward={claimsOf} onClose={() => setClaimsOf(null)} /> : null}
      </QueuePanel>
    </section>
  );
}

/** What was paid on a claim, or the button that opens the payment form. */
function PaymentCell({ claim, onPay }: { claim: Claims[number]; onPay: () => void }) {
  if (claim.payment)
    return (
      <>
        已发放 {yuan(claim.payment.amountFen)}
        <span className="muted block">
          {claim.payment.paidOn}，执行到位 {yuan(claim.payment.recoveredFen)}
        </span>
      </>
    );
  return (
    <button
      type="button"
      className="secondary"
      aria-label={`登记发放 第 ${claim.registrationNo} 号登记的悬赏金`}
      onClick={onPay}
    >
      登记发放…
    </button>
  );
}

/** Art. 23: the leads claiming a notice, by registration number, with what was paid; no identities. */
function ClaimRegister({ reward, onClose }: { reward: Reward; onClose: () => void }) {
  const [claims, setClaims] = useState<Claims | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [paying, setPaying] = useState<number | null>(null);
  const [done, setDone] = useState('');
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const load = useCallback(async () => {
    try {
      setClaims((await api.call(rewardClaimsRoute, { params: { id: reward.id } })).items);
    } catch (e) {
      setError(e);
    }
  }, [reward.id]);
  useEffect(() => {
    setClaims(null);
    setPaying(null);
    setDone('');
    void load();
    heading.current?.focus();
  }, [load]);

  return (
    <section className="card claims" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        悬赏线索登记簿：{reward.listingName}（{reward.termsText}）
      </h2>
      <p className="muted">按线索提供的先后顺序登记（第二十三条）；举报人身份不在此显示。</p>
      <Outcome error={error} done={done} />
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
              <th scope="col">悬赏金</th>
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
                <td>
                  <PaymentCell
                    claim={c}
                    onPay={() => {
                      setDone('');
                      setPaying(c.registrationNo);
                    }}
                  />
                </td>
              </tr>
            ))}
            {claims && claims.length === 0 ? (
              <tr>
                <td colSpan={6}>尚无申领该悬赏的线索。</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {paying !== null ? (
        <RewardPaymentForm
          key={paying}
          reward={reward}
          registrationNo={paying}
          otherRegistrations={(claims ?? []).map((c) => c.registrationNo).filter((n) => n !== paying)}
          onCancel={() => setPaying(null)}
          onPaid={async (message) => {
            setPaying(null);
            setDone(message);
            await load();
          }}
        />
      ) : null}
      <div className="actions">
        <button type="button" className="secondary" onClick={onClose}>
          关闭登记簿
        </button>
      </div>
    </section>
  );
}
