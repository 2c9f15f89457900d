import { ApiClientError } from '@portal/contract/client';
import type { TipReceipt } from '@portal/contract/routes';
import { CONSUMPTION_BAN_ITEMS, TIP_DESCRIPTION_MAX, TIP_KIND_LABELS, TIP_KINDS } from '@portal/domain';
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { usePrivacyConsent } from '../../components/privacy-consent.tsx';
import { useLargeType } from '../../lib/large-type.ts';
import { PAGES } from '../../lib/navigate.ts';
import { FieldError } from './field-error.tsx';
import { type PhotoStatus, PhotoUploadError, type UploadedPhoto } from './photo-uploads.ts';
import { PhotosField } from './photos-field.tsx';
import { PlaceField } from './place-field.tsx';
import { submitTip } from './submit-tip.ts';
import {
  emptyTipForm,
  newIdempotencyKey,
  type TipFieldErrors,
  type TipFormState,
  tipTargetText,
  validateTip,
} from './tip-form.ts';
import { TipReceiptView } from './tip-receipt.tsx';

/**
 * Opened without a listing (a shared link cut short, a bookmark): a tip is always about one
 * published defaulter, so say how to get here instead of a form that cannot be sent.
 */
function NoListing({ large }: { large: boolean }) {
  return (
    <View className={large ? 'page large' : 'page'}>
      <View className="card" role="status">
        <Text className="section-title">请先找到要举报的被执行人</Text>
        <Text className="article-p">
          举报线索须针对一名已公布的失信被执行人：请先查询，在其详情页点“举报”。
        </Text>
        <Button className="button primary" onClick={() => Taro.reLaunch({ url: PAGES.search })}>
          去查询
        </Button>
      </View>
    </View>
  );
}

type Sending = { kind: 'idle' } | { kind: 'sending' } | { kind: 'failed'; message: string };

/** 举报: the tip form (kind, description, time, place, photos, anonymous or contact) and its receipt. */
export default function TipPage() {
  const { params } = useRouter();
  const [large] = useLargeType();
  const [form, setForm] = useState<TipFormState>(() =>
    emptyTipForm(params.listingId ?? '', params.rewardNoticeId ?? ''),
  );
  // one key for this form, whatever happens: a retry can never store the tip twice
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [errors, setErrors] = useState<TipFieldErrors>({});
  const [sending, setSending] = useState<Sending>({ kind: 'idle' });
  const [receipt, setReceipt] = useState<TipReceipt | null>(null);
  // photos already uploaded by an earlier attempt: a retry sends only the ones that failed
  const uploaded = useRef(new Map<string, UploadedPhoto>());
  const [photoStatus, setPhotoStatus] = useState<Record<string, PhotoStatus>>({});
  const [session, setSession] = useState<string | null>(null);
  const privacy = usePrivacyConsent();
  const set = (patch: Partial<TipFormState>) => {
    setForm((f) => ({ ...f, ...patch }));
    // a message goes as soon as its field is touched again; the next send checks anew
    setErrors((e) => {
      const rest = { ...e };
      for (const key of Object.keys(patch) as (keyof TipFormState)[]) delete rest[key];
      if ('seenTime' in patch) delete rest.seenDate;
      return rest;
    });
  };
  const today = new Date().toISOString().slice(0, 10);

  const send = async () => {
    const found = validateTip(form);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSending({ kind: 'sending' });
    try {
      const result = await submitTip(form, idempotencyKey, {
        uploaded: uploaded.current,
        onPhoto: (path, status) => setPhotoStatus((all) => ({ ...all, [path]: status })),
      });
      setReceipt(result.receipt);
      setSession(result.session);
      setSending({ kind: 'idle' });
    } catch (err) {
      const message =
        err instanceof PhotoUploadError
          ? err.message
          : err instanceof ApiClientError
            ? err.status === 0
              ? '网络连接失败，线索尚未提交。请检查网络后点“重试”，不会重复提交。'
              : err.message
            : '提交失败，请点“重试”。';
      if (err instanceof ApiClientError && err.field)
        setErrors({ [err.field]: err.message } as TipFieldErrors);
      setSending({ kind: 'failed', message });
    }
  };

  if (receipt) return <TipReceiptView receipt={receipt} session={session} large={large} />;

  const target = tipTargetText(params);
  if (!form.listingId) return <NoListing large={large} />;

  const kindIndex = TIP_KINDS.indexOf(form.kind as (typeof TIP_KINDS)[number]);
  return (
    <View className={large ? 'page large' : 'page'}>
      {target ? <Text className="tip-target">{target}</Text> : null}
      <FieldError text={errors.listingId} />
      <View className="form-row">
        <Text className="field-label">线索类型（必选）</Text>
        <View className="entries" role="radiogroup" aria-label="线索类型">
          {TIP_KINDS.map((k, i) => (
            <Button
              key={k}
              className={i === kindIndex ? 'entry active' : 'entry'}
              aria-pressed={i === kindIndex}
              onClick={() => set({ kind: k })}
            >
              {TIP_KIND_LABELS[k]}
            </Button>
          ))}
        </View>
        <FieldError text={errors.kind} />
      </View>

      {form.kind === 'consumption' ? (
        <View className="form-row">
          <Text className="field-label">违反的限制消费事项（必选）</Text>
          <Picker
            mode="selector"
            range={CONSUMPTION_BAN_ITEMS.map((i) => i.shortLabel)}
            value={Math.max(0, (form.consumptionItem ?? 1) - 1)}
            onChange={(e) => set({ consumptionItem: Number(e.detail.value) + 1 })}
          >
            <View className="filter" aria-label="选择限制消费事项">
              {form.consumptionItem ? CONSUMPTION_BAN_ITEMS[form.consumptionItem - 1]?.shortLabel : '请选择'}
            </View>
          </Picker>
          <FieldError text={errors.consumptionItem} />
        </View>
      ) : null}

      <View className="form-row">
        <Text className="field-label">情况描述（必填）</Text>
        <Textarea
          className="textarea"
          value={form.description}
          maxlength={TIP_DESCRIPTION_MAX}
          placeholder="您看到了什么：财产、去向、消费行为等"
          aria-label="情况描述"
          onInput={(e) => set({ description: e.detail.value })}
        />
        <Text className="hint">
          {form.description.length} / {TIP_DESCRIPTION_MAX}
        </Text>
        <FieldError text={errors.description} />
      </View>

      <View className="form-row">
        <Text className="field-label">发现时间（选填）</Text>
        <View className="entries">
          <Picker
            mode="date"
            value={form.seenDate || today}
            end={today}
            onChange={(e) => set({ seenDate: e.detail.value })}
          >
            <View className="filter" aria-label="选择发现日期">
              {form.seenDate || '选择日期'}
            </View>
          </Picker>
          <Picker
            mode="time"
            value={form.seenTime || '12:00'}
            onChange={(e) => set({ seenTime: e.detail.value })}
          >
            <View className="filter" aria-label="选择发现时刻">
              {form.seenTime || '选择时刻'}
            </View>
          </Picker>
        </View>
        <FieldError text={errors.seenDate} />
      </View>

      <PlaceField
        place={form.place}
        location={form.location}
        error={errors.place}
        set={set}
        askConsent={privacy.ask}
      />

      <PhotosField
        photos={form.photos}
        status={photoStatus}
        error={errors.photos}
        set={set}
        onRemove={(path) => uploaded.current.delete(path)}
        askConsent={privacy.ask}
      />

      <View className="form-row">
        <Text className="field-label">举报方式</Text>
        <View className="entries" role="radiogroup" aria-label="举报方式">
          <Button
            className={form.anonymous && !form.rewardNoticeId ? 'entry active' : 'entry'}
            aria-pressed={form.anonymous && !form.rewardNoticeId}
            disabled={Boolean(form.rewardNoticeId)}
            onClick={() => set({ anonymous: true })}
          >
            匿名举报
          </Button>
          <Button
            className={!form.anonymous || form.rewardNoticeId ? 'entry active' : 'entry'}
            aria-pressed={!form.anonymous || Boolean(form.rewardNoticeId)}
            onClick={() => set({ anonymous: false })}
          >
            留下联系方式
          </Button>
        </View>
        {!form.anonymous || form.rewardNoticeId ? (
          <View>
            <Input
              className="text-input"
              value={form.contactName}
              maxlength={50}
              placeholder="姓名"
              aria-label="姓名"
              onInput={(e) => set({ contactName: e.detail.value })}
            />
            <FieldError text={errors.contactName} />
            <Input
              className="text-input"
              type="number"
              value={form.contactPhone}
              maxlength={20}
              placeholder="联系电话"
              aria-label="联系电话"
              onInput={(e) => set({ contactPhone: e.detail.value })}
            />
            <FieldError text={errors.contactPhone} />
            <Text className="hint">联系方式加密保存，仅经批准的工作人员可查看，每次查看均留痕。</Text>
          </View>
        ) : null}
      </View>

      {sending.kind === 'failed' ? (
        <View role="alert">
          <Text className="error">{sending.message}</Text>
        </View>
      ) : null}
      <Button className="button primary" disabled={sending.kind === 'sending'} onClick={send}>
        {sending.kind === 'sending' ? '正在提交…' : sending.kind === 'failed' ? '重试' : '提交举报'}
      </Button>
      {privacy.modal}
    </View>
  );
}
