import {
  type CORRECTION_STATUSES,
  decideCorrectionRoute,
  markCorrectionFixedRoute,
  staffCorrectionsRoute,
} from '@portal/contract';
import type { SuccessBody } from '@portal/contract/client';
import { useState } from 'react';
import { api } from '../api.ts';
import { DecisionForm, type DecisionWording } from '../components/DecisionForm.tsx';
import { QueuePanel } from '../components/QueuePanel.tsx';
import { QueueTable } from '../components/QueueTable.tsx';
import { type TabItem, Tabs } from '../components/Tabs.tsx';
import { useQueue } from '../components/use-queue.ts';

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

const fetchCorrections = async (status: Status) =>
  (await api.call(staffCorrectionsRoute, { query: { status } })).items;

/**
 * Correction requests (法释〔2017〕7号 arts. 11–12), soonest review deadline first, and the
 * decision. The requester's contact is shown only in the decision panel of the staff member
 * deciding (the API audits each read of the queue).
 */
export function CorrectionsScreen() {
  const [status, setStatus] = useState<Status>('received');
  const { items, error, setError, reload: load } = useQueue(status, fetchCorrections);
  const [done, setDone] = useState('');
  const [deciding, setDeciding] = useState<Correction | null>(null);

  const columns = [
    '回执编号',
    '被执行人',
    '案号',
    '申请理由',
    '收到日期',
    '审查期限',
    ...(status === 'accepted' ? ['纠正期限', '纠正完成'] : []),
    ...(status === 'received' ? ['操作'] : []),
  ];

  return (
    <section aria-labelledby="corrections-title">
      <h1 id="corrections-title">纠正申请</h1>
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
      <QueuePanel idPrefix="corrections" selected={status} error={error} done={done}>
        {deciding ? (
          <CorrectionDecisionForm
            correction={deciding}
            onCancel={() => setDeciding(null)}
            onDecided={async (message) => {
              setDeciding(null);
              setDone(message);
              await load();
            }}
          />
        ) : null}
        <QueueTable
          caption={`${TABS.find((t) => t.id === status)?.label}的纠正申请`}
          columns={columns}
          items={items}
          count={(all) => `共 ${all.length} 件，按审查期限排序`}
          empty="没有申请。"
          row={(c) => (
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
          )}
        />
      </QueuePanel>
    </section>
  );
}

const CORRECTION_WORDING: DecisionWording<'accepted' | 'rejected'> = {
  legend: '审查结论',
  choices: [
    { value: 'accepted', label: '予以纠正（3 个工作日内完成）' },
    { value: 'rejected', label: '驳回' },
  ],
  reasonsLabel: '审查理由',
  reasonsRows: 3,
  reasonsMaxLength: 2000,
  reasonsMinLength: 4,
  noChoiceMessage: '请选择审查结论。',
  noReasonsMessage: '请写明审查理由（至少 4 个字）。',
  submitLabel: '提交结论',
};

/**
 * The review decision with its reasons.
 * The API keeps the reasons in the audit chain with the decision.
 */
function CorrectionDecisionForm({
  correction: c,
  onCancel,
  onDecided,
}: {
  correction: Correction;
  onCancel: () => void;
  onDecided: (message: string) => Promise<void>;
}) {
  return (
    <DecisionForm
      title={`审查：${c.receiptCode}`}
      facts={
        <>
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
        </>
      }
      wording={CORRECTION_WORDING}
      onCancel={onCancel}
      onSubmit={async (decision, reasons) => {
        const answer = await api.call(decideCorrectionRoute, {
          params: { id: c.id },
          json: { decision, reasons },
        });
        await onDecided(
          answer.status === 'accepted'
            ? `已决定予以纠正（${c.receiptCode}），应于 ${answer.fixDeadline} 前完成纠正。`
            : `已驳回申请（${c.receiptCode}）。`,
        );
      }}
    />
  );
}
