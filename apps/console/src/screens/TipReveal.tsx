import {
  type meRoute,
  revealIdentityRoute,
  revealRequestCreateRoute,
  revealRequestListRoute,
} from '@portal/contract';
import type { SuccessBody } from '@portal/contract/client';
import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { ApiClientError, api } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { Outcome } from '../components/Outcome.tsx';
import { chinaDateTime } from '../format.ts';

type Me = SuccessBody<typeof meRoute>;
type RevealRequest = SuccessBody<typeof revealRequestListRoute>['items'][number];
type Identity = SuccessBody<typeof revealIdentityRoute>;

export const REVEAL_STATUS_LABELS: Record<RevealRequest['status'], string> = {
  pending: '待保管人审批',
  approved: '已批准，待查看',
  rejected: '已驳回',
  revealed: '已查看',
};

/**
 * 申请查看举报人身份: a member of the tip's unit asks with a reason; a custodian decides; the
 * member who asked may then see the identity once (the API audits each step). The identity lives
 * only in this component's state: leaving the tip forgets it.
 */
export function TipReveal({ tipId, me }: { tipId: string; me: Me }) {
  const [requests, setRequests] = useState<RevealRequest[] | null>(null);
  const [identity, setIdentity] = useState<Identity | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');

  const load = useCallback(async () => {
    try {
      setRequests((await api.call(revealRequestListRoute, { query: { tipId } })).items);
    } catch (e) {
      setError(e);
    }
  }, [tipId]);
  useEffect(() => {
    void load();
  }, [load]);

  async function reveal(r: RevealRequest) {
    setError(null);
    try {
      setIdentity(await api.call(revealIdentityRoute, { params: { id: r.id } }));
      await load();
    } catch (e) {
      setError(e);
    }
  }

  const canAsk = me.role === 'unit_member';
  const open = (requests ?? []).some((r) => r.status === 'pending' || r.status === 'approved');

  return (
    <section aria-labelledby="tip-reveal-title" className="reveal">
      <h3 id="tip-reveal-title">举报人身份</h3>
      <Outcome error={error} done={done} />
      {identity ? (
        <section className="identity" aria-label="举报人身份（仅显示这一次）">
          <p>
            <strong>举报人：</strong>
            {identity.contactName ?? '未留姓名'}，<strong>电话：</strong>
            {identity.contactPhone ?? '未留电话'}
          </p>
          <p className="hint">
            仅显示这一次，查看已记入审计日志。请只用于核实本线索，不要抄录到案卷以外的地方。
          </p>
          <button type="button" className="secondary" onClick={() => setIdentity(null)}>
            隐藏
          </button>
        </section>
      ) : null}
      {requests && requests.length > 0 ? (
        <ul className="requests">
          {requests.map((r) => (
            <li key={r.id}>
              {chinaDateTime(r.requestedAt)} {r.requestedByName} 申请，理由：{r.reason}——
              <strong>{REVEAL_STATUS_LABELS[r.status]}</strong>
              {r.decisionNote ? `（保管人说明：${r.decisionNote}）` : ''}
              {r.status === 'approved' && r.requestedBy === me.id ? (
                <button type="button" className="primary inline" onClick={() => reveal(r)}>
                  查看举报人身份（仅一次）
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {!canAsk ? (
        <p className="muted">只有承办该案件的执行单元成员可以申请查看举报人身份。</p>
      ) : open ? null : (
        <RevealRequestForm
          tipId={tipId}
          onRequested={async () => {
            setDone('申请已提交，待身份保管人审批。');
            await load();
          }}
        />
      )}
    </section>
  );
}

function RevealRequestForm({ tipId, onRequested }: { tipId: string; onRequested: () => Promise<void> }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (reason.trim().length < 4) {
      setError(
        new ApiClientError({
          status: 400,
          code: 'VALIDATION_FAILED',
          message: '请说明查看举报人身份的理由（至少 4 个字）。',
        }),
      );
      return;
    }
    setBusy(true);
    try {
      await api.call(revealRequestCreateRoute, { params: { id: tipId }, json: { reason: reason.trim() } });
      setReason('');
      await onRequested();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} aria-label="申请查看举报人身份">
      <ErrorBanner error={error} />
      <div className="field">
        <label htmlFor={`${id}-reason`}>申请理由</label>
        <textarea
          id={`${id}-reason`}
          rows={2}
          maxLength={500}
          aria-required="true"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <button type="submit" className="secondary" disabled={busy}>
        申请查看举报人身份
      </button>
    </form>
  );
}
