import { useEffect, useRef, useState } from 'react';
import { formatDateTimeZh } from '../../lib/format.ts';
import type { TipReceipt } from './tip-api.ts';

/** `7K3M-Q9TA-…` as groups, and a reading for screen readers: characters one by one, groups apart. */
export function receiptGroups(receipt: string): { groups: string[]; spoken: string } {
  const groups = receipt.split(/[\s-]+/).filter(Boolean);
  return { groups, spoken: groups.map((g) => g.split('').join(' ')).join('，') };
}

/**
 * After the tip is stored: the receipt in large type, grouped for reading aloud, with the prompt to
 * write it down now (it is shown only this once and never put in a URL), a copy button, and where
 * to look the status up.
 */
export function TipReceiptPanel({ receipt, listingId }: { receipt: TipReceipt; listingId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const codeRef = useRef<HTMLSpanElement>(null);
  const [copied, setCopied] = useState('');
  useEffect(() => ref.current?.focus(), []);
  const { groups, spoken } = receiptGroups(receipt.receipt);
  const slots = groups.map((text, n) => ({ text, id: `group-${n}` }));

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(receipt.receipt);
      setCopied('已复制回执码。请再粘贴到备忘录等安全的地方保存。');
    } catch {
      // no clipboard (plain http, or refused): select the code so the phone's own copy works
      const range = document.createRange();
      if (codeRef.current) range.selectNodeContents(codeRef.current);
      const sel = window.getSelection();
      sel?.removeAllRanges();
      sel?.addRange(range);
      setCopied('已选中回执码，请用手机的“复制”保存，或者抄写下来。');
    }
  };

  return (
    <div
      className="success tip-receipt"
      role="status"
      tabIndex={-1}
      ref={ref}
      aria-labelledby="tip-receipt-title"
    >
      <h2 id="tip-receipt-title">举报已收到</h2>
      <p>{`法院已于 ${formatDateTimeZh(receipt.submittedAt)} 保存您的举报，并转交承办该案的执行团队。`}</p>
      {receipt.registrationNo !== undefined && (
        <p className="tip-registration">
          悬赏登记序号：<strong id="tip-registration-no">{`第 ${receipt.registrationNo} 号`}</strong>
          <span className="hint">（同一线索由多人提供的，按提供的先后顺序登记）</span>
        </p>
      )}
      <p className="tip-receipt-label" id="tip-receipt-label">
        您的回执码
      </p>
      <p className="tip-receipt-code" id="tip-receipt-code">
        <span className="visually-hidden">{`回执码：${spoken}`}</span>
        <span className="tip-receipt-groups" aria-hidden="true" ref={codeRef}>
          {slots.map((slot) => (
            <span className="tip-receipt-group" key={slot.id}>
              {slot.text}
            </span>
          ))}
        </span>
      </p>
      <p className="tip-receipt-warning">
        <strong>请现在抄下或截图保存这串回执码。</strong>
        它只显示这一次，本站不会再显示，也不会用短信发送；凭它可以查询办理情况和法院的答复。请不要告诉他人。
      </p>
      <p>
        <button type="button" className="button secondary" onClick={copy}>
          复制回执码
        </button>
      </p>
      <p className="hint" aria-live="polite">
        {copied}
      </p>
      <p>
        <a href="/report/status/">凭回执码查询办理情况</a>
        {listingId && (
          <>
            {' · '}
            <a href={`/listings/${encodeURIComponent(listingId)}/`}>返回公布信息</a>
          </>
        )}
      </p>
    </div>
  );
}
