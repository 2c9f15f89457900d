import { rewardCreateRoute, staffListingsRoute } from '@portal/contract';
import type { SuccessBody } from '@portal/contract/client';
import { REWARD_VENUE_LABELS, REWARD_VENUES, type RewardVenue, todayInChina } from '@portal/domain';
import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { ApiClientError, api } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { Field } from '../components/Field.tsx';

type Listing = SuccessBody<typeof staffListingsRoute>['items'][number];

/**
 * Published listings the staff member may act on (a notice can only go with a published listing):
 * one page of those matching `q` (name, case number, credit code or full ID number).
 */
async function publishedListings(q: string): Promise<{ items: Listing[]; total: number }> {
  const r = await api.call(staffListingsRoute, {
    query: { status: 'published', ...(q.trim() ? { q: q.trim() } : {}) },
  });
  return { items: r.items, total: r.total };
}

const fail = (message: string, field?: string) =>
  new ApiClientError({ status: 400, code: 'VALIDATION_FAILED', message, ...(field ? { field } : {}) });

/**
 * Registers a creditor's written application (art. 21) as the court received it: the reward as a
 * fixed amount or a share of what is recovered, the conditions, the period, the venues (art. 22).
 * The API starts the ten-day decision clock from the day the application was received.
 */
export function RewardApplicationForm({ onCreated }: { onCreated: (message: string) => Promise<void> }) {
  const today = todayInChina();
  const [listings, setListings] = useState<{ items: Listing[]; total: number } | null>(null);
  const [find, setFind] = useState('');
  const [listingId, setListingId] = useState('');
  const [termsKind, setTermsKind] = useState<'amount' | 'rate'>('amount');
  const [amountYuan, setAmountYuan] = useState('');
  const [ratePercent, setRatePercent] = useState('');
  const [conditions, setConditions] = useState('');
  const [startsAt, setStartsAt] = useState(today);
  const [endsAt, setEndsAt] = useState('');
  const [applicantKind, setApplicantKind] = useState<'person' | 'org'>('person');
  const [applicantName, setApplicantName] = useState('');
  const [receivedOn, setReceivedOn] = useState(today);
  const [promise, setPromise] = useState(true);
  const [venues, setVenues] = useState<RewardVenue[]>(['court_weibo_wechat']);
  const [courtPhone, setCourtPhone] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  const findListings = useCallback((q: string) => {
    publishedListings(q)
      .then((found) => {
        setListings(found);
        // a choice the new list no longer shows is dropped, so the form never sends a hidden one
        setListingId((current) => (found.items.some((l) => l.id === current) ? current : ''));
      })
      .catch(setError);
  }, []);
  useEffect(() => findListings(''), [findListings]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!listingId) return setError(fail('请选择悬赏针对的失信信息。', 'listingId'));
    const amount = Number(amountYuan);
    const rate = Number(ratePercent);
    if (termsKind === 'amount' && !(amount > 0))
      return setError(fail('请填写悬赏金数额（元，大于 0）。', 'amountFen'));
    if (termsKind === 'rate' && !(rate > 0 && rate <= 100))
      return setError(fail('悬赏比例应在 0 到 100% 之间。', 'ratePercent'));
    if (!endsAt) return setError(fail('请填写公告截止日期。', 'endsAt'));
    setBusy(true);
    try {
      const created = await api.call(rewardCreateRoute, {
        json: {
          listingId,
          ...(termsKind === 'amount' ? { amountFen: Math.round(amount * 100) } : { ratePercent: rate }),
          conditions,
          startsAt,
          endsAt,
          applicantKind,
          ...(applicantName.trim() ? { applicantName: applicantName.trim() } : {}),
          applicationReceivedOn: receivedOn,
          promiseToPay: promise,
          venues,
          ...(courtPhone.trim() ? { courtPhone: courtPhone.trim() } : {}),
        },
      });
      setAmountYuan('');
      setRatePercent('');
      setConditions('');
      setEndsAt('');
      setApplicantName('');
      await onCreated(
        `已登记悬赏申请，应于 ${created.decisionDeadline} 前决定是否发布（第二十一条：十日内）。`,
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="card reward-form">
      <summary>登记书面悬赏申请</summary>
      <form onSubmit={submit} aria-label="登记书面悬赏申请">
        <ErrorBanner error={error} />
        <div className="field">
          <label htmlFor={`${id}-find`}>查找失信信息</label>
          <div className="row-actions">
            <input
              id={`${id}-find`}
              value={find}
              maxLength={100}
              placeholder="姓名、名称、案号或证件号码"
              onChange={(e) => setFind(e.target.value)}
              onKeyDown={(e) => {
                // Enter finds instead of submitting the whole application
                if (e.key === 'Enter') {
                  e.preventDefault();
                  findListings(find);
                }
              }}
            />
            <button type="button" className="secondary" onClick={() => findListings(find)}>
              查找
            </button>
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-listing`}>失信信息（已发布）</label>
          <select
            id={`${id}-listing`}
            value={listingId}
            onChange={(e) => setListingId(e.target.value)}
            aria-describedby={`${id}-listing-hint`}
          >
            <option value="">请选择</option>
            {listings?.items.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}，{l.caseNo}
              </option>
            ))}
          </select>
          <span className="hint" id={`${id}-listing-hint`} aria-live="polite">
            {listings === null
              ? '正在载入…'
              : listings.total > listings.items.length
                ? `共 ${listings.total} 条，列出前 ${listings.items.length} 条；请输入姓名或案号查找。`
                : `共 ${listings.total} 条。`}
          </span>
        </div>
        <fieldset className="choices">
          <legend>悬赏金</legend>
          <label>
            <input
              type="radio"
              name={`${id}-terms`}
              checked={termsKind === 'amount'}
              onChange={() => setTermsKind('amount')}
            />
            固定数额
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-terms`}
              checked={termsKind === 'rate'}
              onChange={() => setTermsKind('rate')}
            />
            按执行到位款比例
          </label>
        </fieldset>
        <div className="columns">
          {termsKind === 'amount' ? (
            <Field
              label="悬赏金数额（元）"
              inputMode="decimal"
              value={amountYuan}
              onChange={(e) => setAmountYuan(e.target.value)}
            />
          ) : (
            <Field
              label="悬赏比例（%）"
              inputMode="decimal"
              value={ratePercent}
              onChange={(e) => setRatePercent(e.target.value)}
            />
          )}
          <Field
            label="书面申请收到日期"
            type="date"
            value={receivedOn}
            onChange={(e) => setReceivedOn(e.target.value)}
          />
          <Field
            label="公告开始日期"
            type="date"
            value={startsAt}
            onChange={(e) => setStartsAt(e.target.value)}
          />
          <Field
            label="公告截止日期"
            type="date"
            value={endsAt}
            onChange={(e) => setEndsAt(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-conditions`}>领取条件（每行一条）</label>
          <textarea
            id={`${id}-conditions`}
            rows={3}
            value={conditions}
            onChange={(e) => setConditions(e.target.value)}
          />
        </div>
        <fieldset className="choices">
          <legend>申请执行人</legend>
          <label>
            <input
              type="radio"
              name={`${id}-applicant`}
              checked={applicantKind === 'person'}
              onChange={() => setApplicantKind('person')}
            />
            自然人（姓名不公开）
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-applicant`}
              checked={applicantKind === 'org'}
              onChange={() => setApplicantKind('org')}
            />
            单位（名称随公告公布）
          </label>
        </fieldset>
        <div className="columns">
          <Field
            label="申请执行人名称"
            value={applicantName}
            maxLength={100}
            onChange={(e) => setApplicantName(e.target.value)}
          />
          <Field
            label="法院联系电话"
            value={courtPhone}
            maxLength={30}
            onChange={(e) => setCourtPhone(e.target.value)}
          />
        </div>
        <fieldset className="venues">
          <legend>发布方式（第二十二条）</legend>
          {REWARD_VENUES.map((v) => (
            <label key={v}>
              <input
                type="checkbox"
                checked={venues.includes(v)}
                onChange={(e) => setVenues(e.target.checked ? [...venues, v] : venues.filter((x) => x !== v))}
              />
              {REWARD_VENUE_LABELS[v]}
            </label>
          ))}
        </fieldset>
        <label className="check">
          <input type="checkbox" checked={promise} onChange={(e) => setPromise(e.target.checked)} />
          申请书载明了自愿支付悬赏金的承诺（第二十一条）
        </label>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            登记申请
          </button>
        </div>
      </form>
    </details>
  );
}
