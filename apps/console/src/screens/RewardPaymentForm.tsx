import { rewardPaymentCreateRoute, type staffRewardListRoute } from '@portal/contract';
import type { SuccessBody } from '@portal/contract/client';
import { type InformantRelation, parseYuanToFen, rewardPaymentDecision, todayInChina } from '@portal/domain';
import { type FormEvent, useId, useState } from 'react';
import { ApiClientError, api } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { Field } from '../components/Field.tsx';
import { useFocusOnMount } from '../components/use-focus-on-mount.ts';
import { yuan } from '../format.ts';

type Reward = SuccessBody<typeof staffRewardListRoute>['items'][number];

/** The contract's upper bound of an amount recovered on one lead (fen). */
const MAX_RECOVERED_FEN = 1_000_000_000_000;

const RELATIONS: readonly { value: InformantRelation; label: string }[] = [
  { value: 'unrelated', label: '与案件无关的举报人' },
  { value: 'creditor_agent', label: '申请执行人的代理人' },
  { value: 'obliged_to_report', label: '有报告财产义务的人员' },
];

const fail = (message: string, field?: string) =>
  new ApiClientError({ status: 400, code: 'VALIDATION_FAILED', message, ...(field ? { field } : {}) });

/** Fields that show their own error; any other error is shown above the form. */
const FIELDS_WITH_ERRORS = ['recoveredFen', 'paidOn', 'sameLeadAs'];
const fieldOf = (error: unknown) =>
  error instanceof ApiClientError && error.field && FIELDS_WITH_ERRORS.includes(error.field)
    ? error.field
    : undefined;

/**
 * 登记发放悬赏金 for one registered claim (法释〔2017〕8号 arts. 23–24). Staff state what they
 * established — the amount recovered thanks to the lead, whether the court already knew it, who
 * the informant is, an earlier registration of the same lead — and the API applies the domain's
 * rules and computes the sum; the form previews the same rules so a refusal is no surprise. The
 * payee is always the claim's informant, whose identity stays with the custodian.
 */
export function RewardPaymentForm({
  reward,
  registrationNo,
  otherRegistrations,
  onCancel,
  onPaid,
}: {
  reward: Reward;
  registrationNo: number;
  otherRegistrations: readonly number[];
  onCancel: () => void;
  onPaid: (message: string) => Promise<void>;
}) {
  const today = todayInChina();
  const [recovered, setRecovered] = useState('');
  const [leadWasNew, setLeadWasNew] = useState<boolean | null>(null);
  const [relation, setRelation] = useState<InformantRelation | ''>('');
  const [sameLeadAs, setSameLeadAs] = useState('');
  const [paidOn, setPaidOn] = useState(today);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const heading = useFocusOnMount<HTMLHeadingElement>();

  const parsed = recovered.trim() ? parseYuanToFen(recovered) : null;
  const preview =
    parsed?.ok && parsed.value <= MAX_RECOVERED_FEN && leadWasNew !== null && relation
      ? rewardPaymentDecision(reward.terms, {
          registrationNo,
          sameLeadAs: sameLeadAs ? Number(sameLeadAs) : null,
          leadWasNew,
          recoveredFen: parsed.value,
          relation,
        })
      : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!parsed) return setError(fail('请填写因该线索执行到位的金额（元）。', 'recoveredFen'));
    if (!parsed.ok) return setError(fail(parsed.message, 'recoveredFen'));
    if (parsed.value > MAX_RECOVERED_FEN) return setError(fail('执行到位金额过大。', 'recoveredFen'));
    if (leadWasNew === null) return setError(fail('请确认该线索提供前法院是否已经掌握（第二十四条）。'));
    if (!relation) return setError(fail('请确认举报人身份（第二十四条）。'));
    if (!paidOn) return setError(fail('请填写发放日期。', 'paidOn'));
    setBusy(true);
    try {
      const paid = await api.call(rewardPaymentCreateRoute, {
        params: { id: reward.id, registrationNo },
        json: {
          recoveredFen: parsed.value,
          leadWasNew,
          informantRelation: relation,
          sameLeadAs: sameLeadAs ? Number(sameLeadAs) : null,
          paidOn,
          ...(note.trim() ? { note: note.trim() } : {}),
        },
      });
      await onPaid(
        `已登记向第 ${registrationNo} 号登记的举报人发放悬赏金 ${yuan(paid.amountFen)}（${paid.paidOn}）。`,
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const field = fieldOf(error);
  const onField = (name: string) => (field === name ? (error as ApiClientError).message : undefined);
  const sameLeadError = onField('sameLeadAs');

  return (
    <form className="card decision-form" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        登记悬赏金发放：第 {registrationNo} 号登记
      </h2>
      <p className="muted">
        悬赏金只发放给该登记的举报人本人（身份由保管人保管，不在此显示）；不向申请执行人的代理人或有义务向法院报告财产的人员发放，法院已掌握的线索或未因线索执行到位的不予发放（第二十四条）。
      </p>
      <dl className="facts">
        <dt>悬赏公告</dt>
        <dd>
          {reward.listingName}，{reward.termsText}
        </dd>
      </dl>
      {error && !field ? <ErrorBanner error={error} /> : null}
      <div className="columns">
        <Field
          label="因该线索执行到位的金额（元）"
          inputMode="decimal"
          autoComplete="off"
          value={recovered}
          error={onField('recoveredFen')}
          hint="以元计，最多两位小数；按比例悬赏时据此计算悬赏金。"
          onChange={(e) => setRecovered(e.target.value)}
        />
        <Field
          label="发放日期"
          type="date"
          max={today}
          value={paidOn}
          error={onField('paidOn')}
          onChange={(e) => setPaidOn(e.target.value)}
        />
      </div>
      <fieldset className="choices">
        <legend>线索提供前法院是否已经掌握</legend>
        <label>
          <input
            type="radio"
            name={`${id}-new`}
            checked={leadWasNew === true}
            onChange={() => setLeadWasNew(true)}
          />
          法院此前未掌握（新线索）
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-new`}
            checked={leadWasNew === false}
            onChange={() => setLeadWasNew(false)}
          />
          法院此前已经掌握
        </label>
      </fieldset>
      <fieldset className="choices">
        <legend>举报人身份</legend>
        {RELATIONS.map((r) => (
          <label key={r.value}>
            <input
              type="radio"
              name={`${id}-relation`}
              checked={relation === r.value}
              onChange={() => setRelation(r.value)}
            />
            {r.label}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-same`}>在先提供相同线索的登记（如有）</label>
        <select
          id={`${id}-same`}
          value={sameLeadAs}
          aria-invalid={sameLeadError ? true : undefined}
          aria-describedby={sameLeadError ? `${id}-same-error` : undefined}
          onChange={(e) => setSameLeadAs(e.target.value)}
        >
          <option value="">无</option>
          {otherRegistrations.map((n) => (
            <option key={n} value={String(n)}>
              第 {n} 号登记
            </option>
          ))}
        </select>
        {sameLeadError ? (
          <span className="field-error" id={`${id}-same-error`}>
            {sameLeadError}
          </span>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>备注（发放方式、凭证号等）</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <p className="muted" aria-live="polite">
        {preview
          ? preview.payable
            ? `按悬赏公告应发放 ${yuan(preview.amountFen)}。`
            : `按规定不予发放：${preview.reason}`
          : ''}
      </p>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          登记发放
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          取消
        </button>
      </div>
    </form>
  );
}
