import { ApiClientError } from '@portal/contract/client';
import { normalizeReceipt, RECEIPT_INPUT_MAX } from '@portal/domain';
import { useEffect, useRef, useState } from 'react';
import { formatDateTimeZh } from '../../lib/format.ts';
import { FormField } from '../correction/FormField.tsx';
import { lookUpReceipt, type TipStatusAnswer } from './tip-api.ts';
import { waitText } from './tip-errors.ts';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'found'; answer: TipStatusAnswer }
  | { kind: 'unknown' }
  | { kind: 'wait'; seconds: number | undefined }
  | { kind: 'error'; message: string };

/**
 * 查询办理情况: the receipt is typed (or pasted) and sent in a POST body, never in the URL; the
 * answer is the status and the unit's messages to the tipster, nothing else.
 */
export function TipLookup() {
  const [receipt, setReceipt] = useState('');
  const [fieldError, setFieldError] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [sending, setSending] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (outcome.kind !== 'idle') resultRef.current?.focus();
  }, [outcome]);

  const onSubmit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (sending) return;
    const code = receipt.trim();
    if (!code) {
      setFieldError('请输入举报后得到的回执码。');
      return;
    }
    if (code.length > RECEIPT_INPUT_MAX) {
      setFieldError('回执码是 16 个字母和数字，请检查是否多输入了内容。');
      return;
    }
    // a code that cannot be a receipt is not sent: each look-up counts against the hourly limit
    if (!normalizeReceipt(code)) {
      setFieldError('回执码是 16 个字母和数字，如 7K3M-Q9TA-2B4C-1X8Z，请核对是否抄漏或抄错。');
      return;
    }
    setFieldError('');
    setSending(true);
    try {
      setOutcome({ kind: 'found', answer: await lookUpReceipt(code) });
    } catch (err) {
      if (err instanceof ApiClientError && err.status === 404) setOutcome({ kind: 'unknown' });
      else if (err instanceof ApiClientError && err.status === 429)
        setOutcome({ kind: 'wait', seconds: err.retryAfterSeconds });
      else if (err instanceof ApiClientError && err.status === 400 && err.field === 'receipt')
        setFieldError(err.message);
      else
        setOutcome({
          kind: 'error',
          message: err instanceof ApiClientError ? err.message : '查询没有完成，请稍后再试。',
        });
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <form noValidate method="post" onSubmit={onSubmit} className="tip-lookup-form">
        <FormField
          id="t-receipt"
          label="回执码"
          hint="举报成功后显示的 16 位字母和数字，如 7K3M-Q9TA-2B4C-1X8Z。大小写、空格和横线都可以。"
          error={fieldError}
        >
          {(aria) => (
            <input
              id="t-receipt"
              name="receipt"
              className="tip-receipt-input"
              value={receipt}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={RECEIPT_INPUT_MAX}
              onChange={(e) => setReceipt(e.target.value)}
              {...aria}
            />
          )}
        </FormField>
        <button className="button" type="submit" disabled={sending}>
          {sending ? '正在查询…' : '查询'}
        </button>
      </form>
      <div ref={resultRef} tabIndex={-1} className="tip-lookup-result" aria-live="polite">
        {outcome.kind === 'found' && <StatusView answer={outcome.answer} />}
        {outcome.kind === 'unknown' && (
          <div className="notice-box" id="tip-lookup-unknown">
            <h2>没有找到这个回执码</h2>
            <p>
              请核对回执码是否抄写正确（注意数字 0 与字母 O、数字 1 与字母
              I）。回执码只在举报成功时显示一次，遗失后无法找回。
            </p>
          </div>
        )}
        {outcome.kind === 'wait' && (
          <div className="notice-box" id="tip-lookup-wait">
            <h2>查询次数较多，请稍后再试</h2>
            <p>{`为保护举报人，同一网络的查询次数有限制。请${waitText(outcome.seconds)}后再查询，您的举报不受影响。`}</p>
          </div>
        )}
        {outcome.kind === 'error' && <p className="alert">{outcome.message}</p>}
      </div>
    </>
  );
}

function StatusView({ answer }: { answer: TipStatusAnswer }) {
  return (
    <section className="success tip-status" aria-labelledby="tip-status-title">
      <h2 id="tip-status-title">
        办理情况：<span id="tip-status-label">{answer.statusLabel}</span>
      </h2>
      <p className="hint">{`更新于 ${formatDateTimeZh(answer.updatedAt)}`}</p>
      {answer.registrationNo !== null && <p>{`悬赏登记序号：第 ${answer.registrationNo} 号`}</p>}
      <h3>执行团队的答复</h3>
      {answer.messages.length === 0 ? (
        <p>暂时没有答复。线索核查需要时间，请过几天再来查询。</p>
      ) : (
        <ol className="tip-messages">
          {answer.messages.map((m) => (
            <li key={`${m.at}-${m.text.slice(0, 16)}`}>
              <p className="hint">{formatDateTimeZh(m.at)}</p>
              <p>{m.text}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
