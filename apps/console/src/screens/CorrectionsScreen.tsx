import {
  type CORRECTION_STATUSES,
  decideCorrectionRoute,
  markCorrectionFixedRoute,
  staffCorrectionsRoute,
} from '@portal/contract';
import type { SuccessBody } from '@portal/contract/client';
import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { ApiClientError, api } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { type TabItem, Tabs } from '../components/Tabs.tsx';

type Correction = SuccessBody<typeof staffCorrectionsRoute>['items'][number];
type Status = (typeof CORRECTION_STATUSES)[number];

const TABS: readonly TabItem<Status>[] = [
  { id: 'received', label: '待审查' },
  { id: 'accepted', label: '予以纠正' },
  { id: 'rejected', label: '已驳回' },
];

/** The 15-day review clock (art. 12) of a request still waiting for a decision. */
function ReviewClock({ c }: { c: Correction }) {
  if (c.status !== 'received') return <>{c.reviewDeadline}</>;
  if (c.overdue)
    return (
      <>
        {c.reviewDeadline} <strong className="flag">已逾期 {-c.reviewDaysLeft} 日</strong>
      </>
    );
  return (
    <>
      {c.reviewDeadline}（剩 {c.reviewDaysLeft} 日）
    </>
  );
}

/**
 * Correction requests (法释〔2017〕7号 arts. 11–12), soonest review deadline first, and the
 * decision. The requester's contact is shown only in the decision panel of the staff member
 * deciding (the API audits each read of the queue).
 */
/** art. 12: record that an accepted correction was carried out; shows whether it was in time. */
function FixCell({
  c,
  onFixed,
  onError,
}: {
  c: Correction;
  onFixed: (message: string) => Promise<void>;
  onError: (e: unknown) => void;
}) {
  const clock = c.fixClock;
  if (clock?.state === 'fixed') {
    return <>{`${clock.fixedOn}${clock.overdue ? '（逾期）' : '（按时）'}`}</>;
  }
  return (
    <>
      {clock?.overdue ? <span className="field-error">已逾期 </span> : null}
      <button
        type="button"
        className="secondary"
        aria-label={`记录 ${c.receiptCode} 已完成纠正`}
        onClick={async () => {
          try {
            const done = await api.call(markCorrectionFixedRoute, { params: { id: c.id } });
            await onFixed(
              `已记录 ${c.receiptCode} 完成纠正${done.overdue ? '（晚于期限）' : '（在期限内）'}。`,
            );
          } catch (e) {
            onError(e);
          }
        }}
      >
        记录已纠正
      </button>
    </>
  );
}

export function CorrectionsScreen() {
  const [status, setStatus] = useState<Status>('received');
  const [items, setItems] = useState<Correction[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const [deciding, setDeciding] = useState<Correction | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setItems((await api.call(staffCorrectionsRoute, { query: { status } })).items);
    } catch (e) {
      setError(e);
    }
  }, [status]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section aria-labelledby="corrections-title">
      <h1 id="corrections-title">更正申请</h1>
      <Tabs
        label="审查状态"
        idPrefix="corrections"
        items={TABS}
        selected={status}
        onSelect={(next) => {
          setStatus(next);
          setDeciding(null);
          setDone('');
        }}
      />
      <div id="corrections-panel" role="tabpanel" aria-labelledby={`corrections-tab-${status}`}>
        <ErrorBanner error={error} />
        {done ? (
          <p className="ok" role="status">
            {done}
          </p>
        ) : null}
        {deciding ? (
          <DecisionForm
            correction={deciding}
            onCancel={() => setDeciding(null)}
            onDecided={async (message) => {
              setDeciding(null);
              setDone(message);
              await load();
            }}
          />
        ) : null}
        <p className="muted" aria-live="polite">
          {items ? `共 ${items.length} 件，按审查期限排序` : '正在载入…'}
        </p>
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">
              {TABS.find((t) => t.id === status)?.label}的更正申请
            </caption>
            <thead>
              <tr>
                <th scope="col">回执编号</th>
                <th scope="col">被执行人</th>
                <th scope="col">案号</th>
                <th scope="col">申请理由</th>
                <th scope="col">收到日期</th>
                <th scope="col">审查期限</th>
                {status === 'accepted' ? <th scope="col">纠正期限</th> : null}
                {status === 'accepted' ? <th scope="col">纠正完成</th> : null}
                {status === 'received' ? <th scope="col">操作</th> : null}
              </tr>
            </thead>
            <tbody>
              {(items ?? []).map((c) => (
                <tr key={c.id}>
                  <td>{c.receiptCode}</td>
                  <td>{c.listingName}</td>
                  <td>{c.caseNo}</td>
                  <td>{c.groundsLabel}</td>
                  <td className="nowrap">{c.receivedOn}</td>
                  <td>
                    <ReviewClock c={c} />
                  </td>
                  {status === 'accepted' ? (
                    <td className="nowrap">
                      {c.fixClock?.date ?? c.fixDeadline ?? '—'}
                      {c.fixClock?.estimate ? '（估算）' : ''}
                    </td>
                  ) : null}
                  {status === 'accepted' ? (
                    <td>
                      <FixCell
                        c={c}
                        onFixed={async (message) => {
                          setDone(message);
                          await load();
                        }}
                        onError={setError}
                      />
                    </td>
                  ) : null}
                  {status === 'received' ? (
                    <td>
                      <button
                        type="button"
                        className="secondary"
                        aria-label={`审查 ${c.receiptCode}`}
                        onClick={() => {
                          setDone('');
                          setDeciding(c);
                        }}
                      >
                        审查…
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
              {items && items.length === 0 ? (
                <tr>
                  <td colSpan={8}>没有申请。</td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

/**
 * The review decision with its reasons.
 * The API keeps the reasons in the audit chain with the decision.
 */
function DecisionForm({
  correction: c,
  onCancel,
  onDecided,
}: {
  correction: Correction;
  onCancel: () => void;
  onDecided: (message: string) => void;
}) {
  const [decision, setDecision] = useState<'accepted' | 'rejected' | ''>('');
  const [reasons, setReasons] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!decision) {
      setError(new ApiClientError({ status: 400, code: 'VALIDATION_FAILED', message: '请选择审查结论。' }));
      return;
    }
    if (reasons.trim().length < 4) {
      setError(
        new ApiClientError({
          status: 400,
          code: 'VALIDATION_FAILED',
          message: '请写明审查理由（至少 4 个字）。',
        }),
      );
      return;
    }
    setBusy(true);
    try {
      const answer = await api.call(decideCorrectionRoute, {
        params: { id: c.id },
        json: { decision, reasons: reasons.trim() },
      });
      onDecided(
        answer.status === 'accepted'
          ? `已决定予以纠正（${c.receiptCode}），应于 ${answer.fixDeadline} 前完成纠正。`
          : `已驳回申请（${c.receiptCode}）。`,
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card decision-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        审查：{c.receiptCode}
      </h2>
      <dl className="facts">
        <dt>被执行人</dt>
        <dd>
          {c.listingName}，{c.caseNo}
        </dd>
        <dt>申请理由</dt>
        <dd>{c.groundsLabel}</dd>
        <dt>申请说明</dt>
        <dd>{c.explanation}</dd>
        <dt>申请人</dt>
        <dd>
          {c.requester.name}，{c.requester.phone}
        </dd>
        <dt>审查期限</dt>
        <dd>
          <ReviewClock c={c} />
        </dd>
      </dl>
      <ErrorBanner error={error} />
      <fieldset className="choices">
        <legend>审查结论</legend>
        <label>
          <input
            type="radio"
            name={`${id}-decision`}
            value="accepted"
            checked={decision === 'accepted'}
            onChange={() => setDecision('accepted')}
          />
          予以纠正（3 个工作日内完成）
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-decision`}
            value="rejected"
            checked={decision === 'rejected'}
            onChange={() => setDecision('rejected')}
          />
          驳回
        </label>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-reasons`}>审查理由</label>
        <textarea
          id={`${id}-reasons`}
          aria-required="true"
          rows={3}
          maxLength={2000}
          value={reasons}
          onChange={(e) => setReasons(e.target.value)}
        />
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          提交结论
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          取消
        </button>
      </div>
    </form>
  );
}
