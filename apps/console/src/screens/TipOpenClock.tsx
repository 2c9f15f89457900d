import type { staffTipListRoute } from '@portal/contract';
import type { SuccessBody } from '@portal/contract/client';

type TipSummary = SuccessBody<typeof staffTipListRoute>['items'][number];

/** The opening clock: how long an unopened tip has waited, flagged after one working day. */
export function OpenClock({ tip }: { tip: Pick<TipSummary, 'openClock'> }) {
  const c = tip.openClock;
  const estimate = c.estimate ? '（估算）' : '';
  if (c.state === 'opened')
    return <>已打开{c.overdue ? <span className="flag">（超过 1 个工作日才打开）</span> : null}</>;
  return (
    <>
      收到后已过 {c.workingDaysElapsed} 个工作日
      {c.overdue ? (
        <strong className="flag block">
          逾期未阅：应于 <span className="nowrap">{c.openBy}</span>
          {estimate} 前打开
        </strong>
      ) : (
        <span className="muted block">
          应于 <span className="nowrap">{c.openBy}</span>
          {estimate} 前打开
        </span>
      )}
    </>
  );
}
