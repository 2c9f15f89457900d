import { removeListingRoute } from '@portal/contract';
import {
  type CategoryCode,
  isCategoryCode,
  removalDeadline,
  removalReasonsFor,
  todayInChina,
} from '@portal/domain';
import { type FormEvent, useId, useState } from 'react';
import { ApiClientError, api } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { Field } from '../components/Field.tsx';
import { useFocusOnMount } from '../components/use-focus-on-mount.ts';
import type { StaffListing } from './ListingsScreen.tsx';

/**
 * Removes a published listing for one of the reasons its category allows (法释〔2017〕7号 art. 10),
 * with the day the ground arose, from which the 3-working-day clock runs (the API records both
 * and answers whether the removal met the deadline).
 */
export function RemoveForm({
  listing,
  onCancel,
  onRemoved,
  onRefused,
}: {
  listing: StaffListing;
  onCancel: () => void;
  onRemoved: (message: string) => void;
  /** The API refused (e.g. someone else removed it meanwhile): the list may be stale. */
  onRefused: () => void;
}) {
  const today = todayInChina();
  const reasons = isCategoryCode(listing.category) ? removalReasonsFor(listing.category as CategoryCode) : [];
  const [reason, setReason] = useState('');
  const [eventDate, setEventDate] = useState(today);
  const [note, setNote] = useState('');
  // art. 10 ¶1 (三)/¶4: who withdrew matters, the six-month bar on re-listing applies to them only
  const [creditor, setCreditor] = useState(listing.applicant ?? '');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const reasonId = useId();
  const noteId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const chosen = reasons.find((r) => r.code === reason);
    if (!chosen) {
      setError(new ApiClientError({ status: 400, code: 'VALIDATION_FAILED', message: '请选择删除事由。' }));
      return;
    }
    const withdrawnBy = chosen.code === 'withdrawn' ? creditor.trim() : '';
    if (chosen.code === 'withdrawn' && !withdrawnBy) {
      setError(
        new ApiClientError({
          status: 400,
          code: 'VALIDATION_FAILED',
          message: '请填写书面申请删除的申请执行人。',
        }),
      );
      return;
    }
    setBusy(true);
    try {
      const answer = await api.call(removeListingRoute, {
        params: { id: listing.id },
        json: {
          reason: chosen.code,
          eventDate,
          ...(withdrawnBy ? { creditor: withdrawnBy } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
        },
      });
      const clock = answer.removalDeadline
        ? `删除时限 ${answer.removalDeadline}${answer.deadlineEstimated ? '（估算）' : ''}，${
            answer.deadlineMet === false ? '已超过时限' : '在时限内'
          }。`
        : '';
      onRemoved(`已删除“${listing.name}”，案号${listing.caseNo}，事由：${chosen.label}。${clock}`);
    } catch (e) {
      setError(e);
      onRefused();
    } finally {
      setBusy(false);
    }
  }

  const deadline = /^\d{4}-\d{2}-\d{2}$/.test(eventDate) ? removalDeadline(eventDate) : null;
  return (
    <form className="card remove-form" onSubmit={submit} aria-labelledby={`${reasonId}-title`}>
      <h2 id={`${reasonId}-title`} ref={heading} tabIndex={-1}>
        删除：{listing.name}，{listing.caseNo}
      </h2>
      <ErrorBanner error={error} />
      <div className="field">
        <label htmlFor={reasonId}>删除事由</label>
        <select id={reasonId} aria-required="true" value={reason} onChange={(e) => setReason(e.target.value)}>
          <option value="">请选择本类失信信息适用的事由</option>
          {reasons.map((r) => (
            <option key={r.code} value={r.code}>
              {r.label}（{r.legalGround}）
            </option>
          ))}
        </select>
      </div>
      {reason === 'withdrawn' && (
        <Field
          label="书面申请删除的申请执行人"
          aria-required="true"
          maxLength={100}
          value={creditor}
          onChange={(e) => setCreditor(e.target.value)}
          hint="六个月内该申请执行人再次申请纳入的，不予支持（第十条第四款）；其他申请执行人不受影响。"
        />
      )}
      <Field
        label="删除事由发生日期"
        type="date"
        required
        max={today}
        value={eventDate}
        onChange={(e) => setEventDate(e.target.value)}
        hint={deadline ? `应于 ${deadline} 前（3 个工作日内）删除。` : '格式：年-月-日'}
      />
      <div className="field">
        <label htmlFor={noteId}>备注（可选，最多 500 字）</label>
        <textarea
          id={noteId}
          maxLength={500}
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          确认删除
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          取消
        </button>
      </div>
    </form>
  );
}
