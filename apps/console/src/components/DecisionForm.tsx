import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { ApiClientError } from '../api.ts';
import { ErrorBanner } from './ErrorBanner.tsx';

export interface DecisionChoice<D extends string> {
  value: D;
  label: string;
}

/**
 * A decision on one queue item: the facts it rests on, a choice of outcome and the written
 * reasons (required). The heading takes focus when the form opens, so a keyboard or screen-reader
 * user lands on it. Missing choice or reasons are refused here, with the screen's own wording,
 * before anything is sent; the API's refusals are shown in the same place.
 */
export function DecisionForm<D extends string>({
  title,
  facts,
  legend,
  choices,
  reasonsLabel,
  reasonsRows,
  reasonsMaxLength,
  reasonsMinLength,
  noChoiceMessage,
  noReasonsMessage,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  title: ReactNode;
  /** `<dt>`/`<dd>` pairs */
  facts: ReactNode;
  legend: string;
  choices: readonly DecisionChoice<D>[];
  reasonsLabel: string;
  reasonsRows: number;
  reasonsMaxLength: number;
  reasonsMinLength: number;
  noChoiceMessage: string;
  noReasonsMessage: string;
  submitLabel: string;
  /** sends the decision with the trimmed reasons; a throw is shown on the form */
  onSubmit: (decision: D, reasons: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [decision, setDecision] = useState<D | ''>('');
  const [reasons, setReasons] = useState('');
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
    if (!decision) return fail(noChoiceMessage);
    if (reasons.trim().length < reasonsMinLength) return fail(noReasonsMessage);
    setBusy(true);
    try {
      await onSubmit(decision, reasons.trim());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card decision-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <dl className="facts">{facts}</dl>
      <ErrorBanner error={error} />
      <fieldset className="choices">
        <legend>{legend}</legend>
        {choices.map((c) => (
          <label key={c.value}>
            <input
              type="radio"
              name={`${id}-decision`}
              value={c.value}
              checked={decision === c.value}
              onChange={() => setDecision(c.value)}
            />
            {c.label}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-reasons`}>{reasonsLabel}</label>
        <textarea
          id={`${id}-reasons`}
          aria-required="true"
          rows={reasonsRows}
          maxLength={reasonsMaxLength}
          value={reasons}
          onChange={(e) => setReasons(e.target.value)}
        />
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          取消
        </button>
      </div>
    </form>
  );
}
