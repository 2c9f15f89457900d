import { TIP_PLACE_MAX } from '@portal/domain';
import { useEffect, useRef, useState } from 'react';
import { FormField } from '../correction/FormField.tsx';
import { TipContactFields } from './TipContactFields.tsx';
import { TipKindFields } from './TipKindFields.tsx';
import { type ChosenPhoto, TipPhotos } from './TipPhotos.tsx';
import { TipReceiptPanel } from './TipReceiptPanel.tsx';
import { TipTargetPanel } from './TipTargetPanel.tsx';
import { newIdempotencyKey, submitTip, type TipReceipt } from './tip-api.ts';
import { submitProblem } from './tip-errors.ts';
import { shrinkPhoto } from './tip-photo-shrink.ts';
import {
  checkTip,
  descriptionCount,
  emptyTipForm,
  TIP_FIELD_ORDER,
  type TipErrors,
  type TipField,
  type TipFormInput,
} from './tip-rules.ts';
import { targetParams, useTipTarget } from './use-tip-target.ts';

/** Where the error summary's links jump to. */
const FIELD_IDS: Record<TipField, string> = {
  listingId: 'tip-target',
  kind: 't-kind-asset',
  assetType: 't-asset-real_estate',
  consumptionItem: 't-item-1',
  description: 't-description',
  seenAt: 't-seen-at',
  place: 't-place',
  location: 't-lat',
  photos: 't-photos',
  contactName: 't-name',
  contactPhone: 't-phone',
};

/** `datetime-local` max: now, in the phone's local time. */
function localNow(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

/** The 我要举报 form: what was seen, where and when, photos, anonymous or not; then the receipt. */
export function TipForm({ initialSearch = '' }: { initialSearch?: string }) {
  const params = targetParams(initialSearch);
  const target = useTipTarget(params.listingId, params.noticeId);
  const [input, setInput] = useState<TipFormInput>(() => emptyTipForm(params.listingId, params.noticeId));
  const [photos, setPhotos] = useState<ChosenPhoto[]>([]);
  const [errors, setErrors] = useState<TipErrors>({});
  const [formError, setFormError] = useState('');
  const [sending, setSending] = useState(false);
  const [receipt, setReceipt] = useState<TipReceipt | null>(null);
  // One key per form: every retry of this tip carries it, so the server stores it once.
  const idempotencyKey = useRef('');
  const summaryRef = useRef<HTMLDivElement>(null);
  const [summaryKey, setSummaryKey] = useState(0);

  useEffect(() => {
    idempotencyKey.current ||= newIdempotencyKey();
  }, []);
  useEffect(() => {
    if (summaryKey > 0) summaryRef.current?.focus();
  }, [summaryKey]);

  const notice = target.kind === 'listing' || target.kind === 'notice' ? target.notice : null;
  useEffect(() => {
    // The target decides the listing and which notice may be claimed (none for a bare listing link
    // until the look-up finds one in force).
    if (target.kind === 'listing') {
      setInput((s) => ({
        ...s,
        listingId: target.listing.id,
        rewardNoticeId: target.notice?.id ?? '',
        claimReward: s.claimReward && target.notice !== null,
      }));
    } else if (target.kind === 'notice') {
      setInput((s) => ({ ...s, listingId: target.notice.listingId, rewardNoticeId: target.notice.id }));
    }
  }, [target]);

  const set = <K extends keyof TipFormInput>(field: K, value: TipFormInput[K]) => {
    setInput((s) => ({ ...s, [field]: value }));
    const errorField = field === 'lat' || field === 'lng' ? 'location' : field;
    if (errorField in errors) setErrors((e) => ({ ...e, [errorField]: undefined }));
  };

  const onSubmit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (sending) return;
    setFormError('');
    const checked = checkTip(input);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) {
      setSummaryKey((k) => k + 1);
      return;
    }
    setSending(true);
    try {
      const files = await Promise.all(photos.map((p) => shrinkPhoto(p.file)));
      setReceipt(await submitTip(checked.body, files, idempotencyKey.current));
    } catch (err) {
      const problem = submitProblem(err);
      if (problem.kind === 'field') setErrors({ [problem.field]: problem.message });
      else setFormError(problem.message);
      if (problem.kind === 'changed') idempotencyKey.current = newIdempotencyKey();
      setSummaryKey((k) => k + 1);
    } finally {
      setSending(false);
    }
  };

  if (receipt) return <TipReceiptPanel receipt={receipt} listingId={input.listingId} />;

  if (target.kind === 'none') {
    return (
      <div className="tip-start" id="tip-target">
        <h2>先找到被执行人</h2>
        <p>
          举报需要对应到一条正在公布的失信信息。请先查询被执行人的姓名或单位名称，在其信息页点击“我要举报”。
        </p>
        <form className="search-form" action="/search" method="get">
          <label htmlFor="tip-search-q">姓名、单位名称或案号</label>
          <input id="tip-search-q" name="q" type="search" autoComplete="off" />
          <button className="button" type="submit">
            查询
          </button>
        </form>
        <p>
          <a href="/rewards/">查看正在发布的悬赏公告</a>
        </p>
      </div>
    );
  }
  if (target.kind === 'gone') {
    return (
      <div className="notice-box" role="status">
        <h2>{target.what === 'notice' ? '这则悬赏公告已经结束' : '这条失信信息已不再公布'}</h2>
        <p>
          {target.what === 'notice'
            ? '悬赏期限已满，或者被执行人的失信信息已依法删除。'
            : '被执行人可能已履行义务，或者信息已依法删除，本站不再接收针对它的举报。'}
          如仍有线索，请拨打诉讼服务热线 12368 或联系执行法院。
        </p>
        <p>
          <a href="/rewards/">查看正在发布的悬赏公告</a> · <a href="/search">查询其他被执行人</a>
        </p>
      </div>
    );
  }

  const listed = TIP_FIELD_ORDER.filter((f) => errors[f]);
  const count = descriptionCount(input.description);
  return (
    <form noValidate method="post" onSubmit={onSubmit} aria-describedby="t-privacy" className="tip-form">
      <TipTargetPanel target={target} />

      {(listed.length > 0 || formError) && (
        <div className="alert" role="alert" tabIndex={-1} ref={summaryRef}>
          <h2>请检查以下内容</h2>
          {formError && <p id="tip-form-error">{formError}</p>}
          <ul>
            {listed.map((f) => (
              <li key={f}>
                <a href={`#${FIELD_IDS[f]}`}>{errors[f]}</a>
              </li>
            ))}
          </ul>
        </div>
      )}

      <TipKindFields input={input} errors={errors} set={set} />

      <FormField
        id="t-description"
        label="您看到的情况"
        hint="写清楚看到了什么，例如车牌号、房屋位置、经营的店铺、乘坐的航班或车次。"
        error={errors.description}
      >
        {(aria) => (
          <>
            <textarea
              id="t-description"
              name="description"
              value={input.description}
              rows={6}
              onChange={(e) => set('description', e.target.value)}
              {...aria}
              aria-describedby={`${aria['aria-describedby'] ?? ''} t-description-count`.trim()}
            />
            <p className={count.over ? 'field-error' : 'hint'} id="t-description-count">
              {count.text}
            </p>
          </>
        )}
      </FormField>

      <FormField id="t-seen-at" label="看到的时间" optional error={errors.seenAt}>
        {(aria) => (
          <input
            id="t-seen-at"
            name="seenAt"
            type="datetime-local"
            value={input.seenAt}
            max={localNow()}
            onChange={(e) => set('seenAt', e.target.value)}
            {...aria}
          />
        )}
      </FormField>

      <FormField
        id="t-place"
        label="地点"
        optional
        hint="如“儋州市那大镇××路××号××酒店”。"
        error={errors.place}
      >
        {(aria) => (
          <input
            id="t-place"
            name="place"
            value={input.place}
            maxLength={TIP_PLACE_MAX}
            autoComplete="off"
            onChange={(e) => set('place', e.target.value)}
            {...aria}
          />
        )}
      </FormField>

      <div className="field">
        <fieldset aria-describedby={`t-location-hint${errors.location ? ' t-location-error' : ''}`}>
          <legend>
            位置坐标<span className="hint">（选填）</span>
          </legend>
          <p className="hint" id="t-location-hint">
            可在手机地图应用中长按该位置，复制显示的纬度和经度，例如纬度 19.5175、经度 109.5808。
          </p>
          {errors.location && (
            <p className="field-error" id="t-location-error">
              {errors.location}
            </p>
          )}
          <div className="tip-coords">
            <div>
              <label htmlFor="t-lat">纬度</label>
              <input
                id="t-lat"
                name="lat"
                inputMode="decimal"
                autoComplete="off"
                value={input.lat}
                aria-invalid={errors.location ? true : undefined}
                onChange={(e) => {
                  // a pasted "19.5175, 109.5808" fills both boxes
                  const pair = /^\s*(-?[\d.]+)\s*[,，\s]\s*(-?[\d.]+)\s*$/.exec(e.target.value);
                  if (pair?.[1] && pair[2]) {
                    set('lat', pair[1]);
                    set('lng', pair[2]);
                  } else set('lat', e.target.value);
                }}
              />
            </div>
            <div>
              <label htmlFor="t-lng">经度</label>
              <input
                id="t-lng"
                name="lng"
                inputMode="decimal"
                autoComplete="off"
                value={input.lng}
                aria-invalid={errors.location ? true : undefined}
                onChange={(e) => set('lng', e.target.value)}
              />
            </div>
          </div>
        </fieldset>
      </div>

      <TipPhotos photos={photos} onChange={setPhotos} error={errors.photos} />

      <TipContactFields input={input} errors={errors} set={set} notice={notice} />

      {/* Honeypot: people never see or reach it; a filled value marks a bot. */}
      <div className="tip-hp" aria-hidden="true">
        <label htmlFor="t-website">网址（请勿填写）</label>
        <input
          id="t-website"
          name="website"
          tabIndex={-1}
          autoComplete="off"
          value={input.website}
          onChange={(e) => set('website', e.target.value)}
        />
      </div>

      <p className="hint" id="t-privacy">
        举报内容只转交承办本案的执行团队，不会公开。故意捏造事实诬告陷害他人的，依法承担法律责任。
      </p>
      <button className="button tip-submit" type="submit" disabled={sending}>
        {sending ? '正在提交…' : '提交举报'}
      </button>
    </form>
  );
}
