import { useEffect, useRef } from 'react';
import { formatDateZh } from '../../lib/format.ts';
import type { CorrectionReceipt } from './submit-correction.ts';

/** After a successful request: the receipt code to keep, and what happens next. */
export function ReceiptPanel({ receipt }: { receipt: CorrectionReceipt }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="success" role="status" tabIndex={-1} ref={ref}>
      <h2>纠正申请已提交</h2>
      <p>
        回执编号：<strong className="mono">{receipt.receiptCode}</strong>
        <br />
        请记下回执编号，向法院查询办理情况时需要提供。
      </p>
      <p>{`执行法院将在 ${formatDateZh(receipt.reviewDeadline)} 前完成审查。理由成立的，法院在 3 个工作日内纠正；理由不成立的，法院决定驳回，您可以在决定书送达之日起 10 日内向上一级人民法院申请复议。`}</p>
      <p>
        <a href="/">返回首页</a>
      </p>
    </div>
  );
}
