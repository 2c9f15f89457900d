import { revealRequestDecideRoute, revealRequestListRoute } from '@portal/contract';
import type { SuccessBody } from '@portal/contract/client';
import { useState } from 'react';
import { api } from '../api.ts';
import { DecisionForm, type DecisionWording } from '../components/DecisionForm.tsx';
import { QueuePanel } from '../components/QueuePanel.tsx';
import { QueueTable } from '../components/QueueTable.tsx';
import { type TabItem, Tabs } from '../components/Tabs.tsx';
import { useQueue } from '../components/use-queue.ts';
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
const fetchRequests = async (status: Status) =>
  (await api.call(revealRequestListRoute, { query: { status } })).items;

export function RevealQueueScreen() {
  const [status, setStatus] = useState<Status>('pending');
  const { items, error, reload: load } = useQueue(status, fetchRequests);
  const [deciding, setDeciding] = useState<RevealRequest | null>(null);
  const [done, setDone] = useState('');

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
      <QueuePanel idPrefix="reveals" selected={status} error={error} done={done}>
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
        <QueueTable
          caption={`${REVEAL_STATUS_LABELS[status]}的身份查看申请`}
          columns={[
            '申请时间',
            '申请人',
            '执行单元',
            '线索编号',
            '理由',
            status === 'pending' ? '操作' : '决定',
          ]}
          items={items}
          count={(all) => `共 ${all.length} 件`}
          empty="没有申请。"
          row={(r) => (
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
          )}
        />
      </QueuePanel>
    </section>
  );
}

const REVEAL_WORDING: DecisionWording<'approved' | 'rejected'> = {
  legend: '审批结论',
  choices: [
    { value: 'approved', label: '批准（申请人可查看一次）' },
    { value: 'rejected', label: '驳回' },
  ],
  reasonsLabel: '审批理由',
  reasonsRows: 2,
  reasonsMaxLength: 500,
  reasonsMinLength: 2,
  noChoiceMessage: '请选择批准或驳回。',
  noReasonsMessage: '请写明审批理由。',
  submitLabel: '提交审批',
};

function RevealDecisionForm({
  request: r,
  onCancel,
  onDecided,
}: {
  request: RevealRequest;
  onCancel: () => void;
  onDecided: (message: string) => Promise<void>;
}) {
  return (
    <DecisionForm
      title={`审批：${r.requestedByName}（${r.unitName ?? '未分配执行单元'}）的申请`}
      facts={
        <>
          <dt>线索编号</dt>
          <dd>{r.tipId}</dd>
          <dt>申请时间</dt>
          <dd>{chinaDateTime(r.requestedAt)}</dd>
          <dt>申请理由</dt>
          <dd>{r.reason}</dd>
        </>
      }
      wording={REVEAL_WORDING}
      onCancel={onCancel}
      onSubmit={async (decision, note) => {
        await api.call(revealRequestDecideRoute, { params: { id: r.id }, json: { decision, note } });
        await onDecided(
          decision === 'approved'
            ? `已批准 ${r.requestedByName} 的申请，申请人可查看一次。`
            : `已驳回 ${r.requestedByName} 的申请。`,
        );
      }}
    />
  );
}
