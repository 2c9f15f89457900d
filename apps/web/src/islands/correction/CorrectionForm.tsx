import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../shared/api-error.ts';
import {
  type CorrectionField,
  type CorrectionInput,
  checkCorrection,
  EXPLANATION_MAX,
  type FieldErrors,
  GROUNDS,
  GROUNDS_TEXT,
  type Grounds,
} from './correction-rules.ts';
import { FormField } from './FormField.tsx';
import { ListingSummary } from './ListingSummary.tsx';
import { ReceiptPanel } from './ReceiptPanel.tsx';
import { type CorrectionReceipt, submitCorrection } from './submit-correction.ts';

const FIELD_IDS: Record<CorrectionField, string> = {
  listingId: 'c-listing',
  grounds: `c-grounds-${GROUNDS[0]}`,
  requesterName: 'c-name',
  requesterPhone: 'c-phone',
  requesterIdNumber: 'c-idnumber',
  explanation: 'c-explanation',
};
const FIELD_ORDER = Object.keys(FIELD_IDS) as CorrectionField[];

function initialInput(search: string): CorrectionInput {
  const listing = new URLSearchParams(search).get('listing') ?? '';
  return {
    listingId: listing.slice(0, 64),
    grounds: '',
    requesterName: '',
    requesterPhone: '',
    requesterIdNumber: '',
    explanation: '',
  };
}

/** The correction request form (纠正申请): client checks, then the server's answer, both in zh-CN next to the field. */
export function CorrectionForm({ initialSearch = '' }: { initialSearch?: string }) {
  const [input, setInput] = useState<CorrectionInput>(() => initialInput(initialSearch));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState('');
  const [sending, setSending] = useState(false);
  const [receipt, setReceipt] = useState<CorrectionReceipt | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [summaryKey, setSummaryKey] = useState(0);

  useEffect(() => {
    if (summaryKey > 0) summaryRef.current?.focus();
  }, [summaryKey]);

  const set = (field: CorrectionField, value: string) => {
    setInput((s) => ({ ...s, [field]: value }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const onSubmit = async (e: React.FormEvent) => {
    e.preventDefault();
    setFormError('');
    const checked = checkCorrection(input);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) {
      setSummaryKey((k) => k + 1);
      return;
    }
    setSending(true);
    try {
      setReceipt(await submitCorrection(checked.body));
    } catch (err) {
      const apiErr = err instanceof ApiError ? err : null;
      const field = apiErr?.field as CorrectionField | undefined;
      if (apiErr && field && field in FIELD_IDS) setErrors({ [field]: apiErr.message });
      else setFormError(apiErr?.message ?? '提交失败，请稍后重试。');
      setSummaryKey((k) => k + 1);
    } finally {
      setSending(false);
    }
  };

  if (receipt) return <ReceiptPanel receipt={receipt} />;

  const listed = FIELD_ORDER.filter((f) => errors[f]);
  return (
    <form noValidate onSubmit={onSubmit} aria-describedby="c-privacy">
      {(listed.length > 0 || formError) && (
        <div className="alert" role="alert" tabIndex={-1} ref={summaryRef}>
          <h2>请检查以下内容</h2>
          {formError && <p>{formError}</p>}
          <ul>
            {listed.map((f) => (
              <li key={f}>
                <a href={`#${FIELD_IDS[f]}`}>{errors[f]}</a>
              </li>
            ))}
          </ul>
        </div>
      )}

      <FormField
        id="c-listing"
        label="记录编号"
        hint="从记录页面点击“申请纠正”会自动填写。"
        error={errors.listingId}
      >
        {(aria) => (
          <input
            id="c-listing"
            name="listingId"
            value={input.listingId}
            autoComplete="off"
            onChange={(e) => set('listingId', e.target.value)}
            {...aria}
          />
        )}
      </FormField>
      <ListingSummary listingId={input.listingId} />

      <div className="field">
        <fieldset aria-describedby={errors.grounds ? 'c-grounds-error' : undefined}>
          <legend>申请理由</legend>
          {errors.grounds && (
            <p className="field-error" id="c-grounds-error">
              {errors.grounds}
            </p>
          )}
          {GROUNDS.map((g: Grounds) => (
            <div className="choice" key={g}>
              <input
                type="radio"
                id={`c-grounds-${g}`}
                name="grounds"
                value={g}
                checked={input.grounds === g}
                onChange={() => set('grounds', g)}
                aria-describedby={`c-grounds-${g}-hint`}
              />
              <label htmlFor={`c-grounds-${g}`}>
                {GROUNDS_TEXT[g].label}
                <span className="hint" id={`c-grounds-${g}-hint`}>
                  {`（${GROUNDS_TEXT[g].hint}）`}
                </span>
              </label>
            </div>
          ))}
        </fieldset>
      </div>

      <FormField id="c-name" label="申请人姓名或单位名称" error={errors.requesterName}>
        {(aria) => (
          <input
            id="c-name"
            name="requesterName"
            value={input.requesterName}
            autoComplete="name"
            onChange={(e) => set('requesterName', e.target.value)}
            {...aria}
          />
        )}
      </FormField>

      <FormField
        id="c-phone"
        label="联系电话"
        hint="手机号码或带区号的固定电话。"
        error={errors.requesterPhone}
      >
        {(aria) => (
          <input
            id="c-phone"
            name="requesterPhone"
            type="tel"
            inputMode="tel"
            value={input.requesterPhone}
            autoComplete="tel"
            onChange={(e) => set('requesterPhone', e.target.value)}
            {...aria}
          />
        )}
      </FormField>

      <FormField
        id="c-idnumber"
        label="申请人身份证号码"
        optional
        hint="本人申请时填写，便于法院核对身份。"
        error={errors.requesterIdNumber}
      >
        {(aria) => (
          <input
            id="c-idnumber"
            name="requesterIdNumber"
            value={input.requesterIdNumber}
            autoComplete="off"
            inputMode="text"
            maxLength={18}
            onChange={(e) => set('requesterIdNumber', e.target.value)}
            {...aria}
          />
        )}
      </FormField>

      <FormField
        id="c-explanation"
        label="事实和理由"
        hint={`请写明哪里有误、为什么，以及可以证明的材料（如还款凭证、和解协议）。最多 ${EXPLANATION_MAX} 字。`}
        error={errors.explanation}
      >
        {(aria) => (
          <textarea
            id="c-explanation"
            name="explanation"
            value={input.explanation}
            rows={6}
            onChange={(e) => set('explanation', e.target.value)}
            {...aria}
          />
        )}
      </FormField>

      <p className="hint" id="c-privacy">
        您填写的联系方式和证件号码只用于法院审查本申请和与您联系，不会公开。
      </p>
      <button className="button" type="submit" disabled={sending}>
        {sending ? '正在提交…' : '提交纠正申请'}
      </button>
    </form>
  );
}
