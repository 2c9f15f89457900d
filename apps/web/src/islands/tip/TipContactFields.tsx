import { TIP_CONTACT_NAME_MAX } from '@portal/domain';
import { FormField } from '../correction/FormField.tsx';
import type { PublicReward } from './tip-api.ts';
import type { TipErrors, TipFormInput } from './tip-rules.ts';

interface Props {
  input: TipFormInput;
  errors: TipErrors;
  set: <K extends keyof TipFormInput>(field: K, value: TipFormInput[K]) => void;
  /** the notice in force for the listing; the tipster may claim it */
  notice: PublicReward | null;
}

/** Anonymous, or name and phone; claiming a 悬赏 needs name and phone (法释〔2017〕8号 art. 23). */
export function TipContactFields({ input, errors, set, notice }: Props) {
  const claiming = notice !== null && input.claimReward;
  const named = claiming || input.identity === 'named';
  return (
    <>
      {notice && (
        <div className="field tip-claim">
          <div className="choice">
            <input
              type="checkbox"
              id="t-claim"
              checked={input.claimReward}
              onChange={(e) => set('claimReward', e.target.checked)}
              aria-describedby="t-claim-hint"
            />
            <label htmlFor="t-claim">申领悬赏</label>
          </div>
          <p className="hint" id="t-claim-hint">
            {`本案有正在发布的悬赏公告（${notice.termsText}）。`}
            <a href={`/rewards/notice/?id=${encodeURIComponent(notice.id)}`}>查看公告和领取条件</a>
            。申领悬赏须留下姓名和电话；法院按线索提供的先后登记，身份依法保密，仅在核实和发放悬赏金时使用。
          </p>
        </div>
      )}

      <div className="field">
        <fieldset aria-describedby="t-identity-hint">
          <legend>是否留下姓名和电话</legend>
          <p className="hint" id="t-identity-hint">
            姓名和电话加密保存，只有经专人批准才能查看，不会公开，也不会告诉被举报人。
          </p>
          <div className="choice">
            <input
              type="radio"
              id="t-identity-anonymous"
              name="identity"
              value="anonymous"
              checked={!named}
              disabled={claiming}
              onChange={() => set('identity', 'anonymous')}
            />
            <label htmlFor="t-identity-anonymous">
              匿名举报
              <span className="hint">{claiming ? '（申领悬赏时不能匿名）' : '（凭回执码查询办理情况）'}</span>
            </label>
          </div>
          <div className="choice">
            <input
              type="radio"
              id="t-identity-named"
              name="identity"
              value="named"
              checked={named}
              onChange={() => set('identity', 'named')}
            />
            <label htmlFor="t-identity-named">
              留下姓名和电话<span className="hint">（法院核实线索时可以联系您）</span>
            </label>
          </div>
        </fieldset>
      </div>

      {named && (
        <div className="tip-sub">
          <FormField id="t-name" label="姓名" error={errors.contactName}>
            {(aria) => (
              <input
                id="t-name"
                name="contactName"
                value={input.contactName}
                autoComplete="name"
                maxLength={TIP_CONTACT_NAME_MAX}
                onChange={(e) => set('contactName', e.target.value)}
                {...aria}
              />
            )}
          </FormField>
          <FormField
            id="t-phone"
            label="联系电话"
            hint="手机号码或带区号的固定电话。"
            error={errors.contactPhone}
          >
            {(aria) => (
              <input
                id="t-phone"
                name="contactPhone"
                type="tel"
                inputMode="tel"
                value={input.contactPhone}
                autoComplete="tel"
                onChange={(e) => set('contactPhone', e.target.value)}
                {...aria}
              />
            )}
          </FormField>
        </div>
      )}
    </>
  );
}
