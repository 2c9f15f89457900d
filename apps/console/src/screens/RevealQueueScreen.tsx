import { revealRequestDecideRoute, revealRequestListRoute } from '@portal/contract';
import type { SuccessBody } from '@portal/contract/client';
import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { ApiClientError, api } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { type TabItem, Tabs } from '../components/Tabs.tsx';
import { chinaDateTime } from '../format.ts';
import { REVEAL_STATUS_LABELS } from './TipReveal.tsx';

type RevealRequest = SuccessBody<typeof revealRequestListRoute>['items'][number];
type Status = RevealRequest['status'];

const TABS: readonly TabItem<Status>[] = (['pending', 'approved', 'rejected', 'revealed'] as const).map(
  (id) => ({ id, label: REVEAL_STATUS_LABELS[id] }),
);

/**
 * 身份查看审批: the custodian's queue. The custodian decides on the request and its reason alone;
 * it never sees the tip or the tipster (the API gives a custodian nothing else).
 */
export function RevealQueueScreen() {
  const [status, setStatus] = useState<Status>('pending');
  const [items, setItems] = useState<RevealRequest[] | null>(null);
  const [deciding, setDeciding] = useState<RevealRequest | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');

  const load = useCallback(async () => {
    setError(null);
    try {
      setItems((await api.call(revealRequestListRoute, { query: { status } })).items);
    } catch (e) {
      setError(e);
    }
  }, [status]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section aria-labelledby="reveal-queue-title">
      <h1 id="reveal-queue-title">身份查看审批</h1>
      <p className="muted">
        执行单元因核实线索需要联系举报人时提出申请。批准后，只有申请人本人可以查看一次，每一步都记入审计日志。
      </p>
      <Tabs
        label="审批状态"
        idPrefix="reveals"
        items={TABS}
        selected={status}
        onSelect={(next) => {
          setStatus(next);
          setDeciding(null);
          setDone('');
        }}
      />
      <div id="reveals-panel" role="tabpanel" aria-labelledby={`reveals-tab-${status}`}>
        <ErrorBanner error={error} />
        {done ? (
          <p className="ok" role="status">
            {done}
          </p>
        ) : null}
        {deciding ? (
          <RevealDecisionForm
            request={deciding}
            onCancel={() => setDeciding(null)}
            onDecided={async (message) => {
              setDeciding(null);
              setDone(message);
              await load();
            }}
          />
        ) : null}
        <p className="muted" aria-live="polite">
          {items ? `共 ${items.length} 件` : '正在载入…'}
        </p>
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{REVEAL_STATUS_LABELS[status]}的身份查看申请</caption>
            <thead>
              <tr>
                <th scope="col">申请时间</th>
                <th scope="col">申请人</th>
                <th scope="col">执行单元</th>
                <th scope="col">线索编号</th>
                <th scope="col">理由</th>
                {status === 'pending' ? <th scope="col">操作</th> : <th scope="col">决定</th>}
              </tr>
            </thead>
            <tbody>
              {(items ?? []).map((r) => (
                <tr key={r.id}>
                  <td className="nowrap">{chinaDateTime(r.requestedAt)}</td>
                  <td>{r.requestedByName}</td>
                  <td>{r.unitName ?? '—'}</td>
                  <td className="nowrap">{r.tipId}</td>
                  <td>{r.reason}</td>
                  <td>
                    {status === 'pending' ? (
                      <button
                        type="button"
                        className="secondary"
                        aria-label={`审批 ${r.requestedByName} 的申请（${chinaDateTime(r.requestedAt)}）`}
                        onClick={() => {
                          setDone('');
                          setDeciding(r);
                        }}
                      >
                        审批…
                      </button>
                    ) : (
                      <>
                        {r.decidedAt ? chinaDateTime(r.decidedAt) : '—'}
                        {r.decisionNote ? <span className="muted block">{r.decisionNote}</span> : null}
                      </>
                    )}
                  </td>
                </tr>
              ))}
              {items && items.length === 0 ? (
                <tr>
                  <td colSpan={6}>没有申请。</td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

function RevealDecisionForm({
  request: r,
  onCancel,
  onDecided,
}: {
  request: RevealRequest;
  onCancel: () => void;
  onDecided: (message: string) => Promise<void>;
}) {
  const [decision, setDecision] = useState<'approved' | 'rejected' | ''>('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const fail = (message: string) =>
      setError(new ApiClientError({ status: 400, code: 'VALIDATION_FAILED', message }));
    if (!decision) return fail('请选择批准或驳回。');
    if (note.trim().length < 2) return fail('请写明审批理由。');
    setBusy(true);
    try {
      await api.call(revealRequestDecideRoute, {
        params: { id: r.id },
        json: { decision, note: note.trim() },
      });
      await onDecided(
        decision === 'approved'
          ? `已批准 ${r.requestedByName} 的申请，申请人可查看一次。`
          : `已驳回 ${r.requestedByName} 的申请。`,
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
        审批：{r.requestedByName}（{r.unitName ?? '未分配执行单元'}）的申请
      </h2>
      <dl className="facts">
        <dt>线索编号</dt>
        <dd>{r.tipId}</dd>
        <dt>申请时间</dt>
        <dd>{chinaDateTime(r.requestedAt)}</dd>
        <dt>申请理由</dt>
        <dd>{r.reason}</dd>
      </dl>
      <ErrorBanner error={error} />
      <fieldset className="choices">
        <legend>审批结论</legend>
        <label>
          <input
            type="radio"
            name={`${id}-decision`}
            checked={decision === 'approved'}
            onChange={() => setDecision('approved')}
          />
          批准（申请人可查看一次）
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-decision`}
            checked={decision === 'rejected'}
            onChange={() => setDecision('rejected')}
          />
          驳回
        </label>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-note`}>审批理由</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          maxLength={500}
          aria-required="true"
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          提交审批
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          取消
        </button>
      </div>
    </form>
  );
}
