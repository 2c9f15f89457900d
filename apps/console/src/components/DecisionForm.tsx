import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { ApiClientError } from '../api.ts';
import { ErrorBanner } from './ErrorBanner.tsx';
import { useFocusOnMount } from './use-focus-on-mount.ts';

export interface DecisionChoice<D extends string> {
  value: D;
  label: string;
}

/** What a decision form says: its choices, the reasons box and its own refusals. */
export interface DecisionWording<D extends string> {
  legend: string;
  choices: readonly DecisionChoice<D>[];
  reasonsLabel: string;
  reasonsRows: number;
  reasonsMaxLength: number;
  reasonsMinLength: number;
  noChoiceMessage: string;
  noReasonsMessage: string;
  submitLabel: string;
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
  wording: w,
  onSubmit,
  onCancel,
}: {
  title: ReactNode;
  /** `<dt>`/`<dd>` pairs */
  facts: ReactNode;
  wording: DecisionWording<D>;
  /** sends the decision with the trimmed reasons; a throw is shown on the form */
  onSubmit: (decision: D, reasons: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [decision, setDecision] = useState<D | ''>('');
  const [reasons, setReasons] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const heading = useFocusOnMount<HTMLHeadingElement>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const fail = (message: string) =>
      setError(new ApiClientError({ status: 400, code: 'VALIDATION_FAILED', message }));
    if (!decision) return fail(w.noChoiceMessage);
    if (reasons.trim().length < w.reasonsMinLength) return fail(w.noReasonsMessage);
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
        <legend>{w.legend}</legend>
        {w.choices.map((c) => (
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
        <label htmlFor={`${id}-reasons`}>{w.reasonsLabel}</label>
        <textarea
          id={`${id}-reasons`}
          aria-required="true"
          rows={w.reasonsRows}
          maxLength={w.reasonsMaxLength}
          value={reasons}
          onChange={(e) => setReasons(e.target.value)}
        />
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {w.submitLabel}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          取消
        </button>
      </div>
    </form>
  );
}
