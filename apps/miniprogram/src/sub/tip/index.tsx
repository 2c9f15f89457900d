import { ApiClientError } from '@portal/contract/client';
import type { TipReceipt } from '@portal/contract/routes';
import {
  CONSUMPTION_BAN_ITEMS,
  TIP_DESCRIPTION_MAX,
  TIP_KIND_LABELS,
  TIP_KINDS,
  TIP_MAX_PHOTOS,
} from '@portal/domain';
import { Button, Image, Input, Picker, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { usePrivacyConsent } from '../../components/privacy-consent.tsx';
import { currentPosition } from '../../lib/current-position.ts';
import { useLargeType } from '../../lib/large-type.ts';
import { keepReceipt } from '../../lib/receipts.ts';
import { type PhotoStatus, PhotoUploadError, type UploadedPhoto } from './photo-uploads.ts';
import { submitTip } from './submit-tip.ts';
import { type SubscribeOutcome, subscribeToTipUpdates, tipTemplateId } from './subscribe.ts';
import {
  emptyTipForm,
  newIdempotencyKey,
  type TipFieldErrors,
  type TipFormState,
  validateTip,
} from './tip-form.ts';

const isWeapp = process.env.TARO_ENV === 'weapp';
const MAX_PHOTOS = TIP_MAX_PHOTOS;

type Sending = { kind: 'idle' } | { kind: 'sending' } | { kind: 'failed'; message: string };
type Subscription =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; outcome: SubscribeOutcome }
  | { kind: 'failed' };

function photoStatusText(status: PhotoStatus | undefined): string {
  switch (status?.kind) {
    case 'uploading':
      return `上传中 ${Math.round(status.fraction * 100)}%`;
    case 'done':
      return '已上传';
    case 'failed':
      return `上传失败：${status.message}`;
    default:
      return '待上传';
  }
}

function FieldError({ text }: { text: string | undefined }) {
  return text ? (
    <View role="alert">
      <Text className="field-error">{text}</Text>
    </View>
  ) : null;
}

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
  const [kept, setKept] = useState(false);
  // photos already uploaded by an earlier attempt: a retry sends only the ones that failed
  const uploaded = useRef(new Map<string, UploadedPhoto>());
  const [photoStatus, setPhotoStatus] = useState<Record<string, PhotoStatus>>({});
  const [session, setSession] = useState<string | null>(null);
  const [subscription, setSubscription] = useState<Subscription>({ kind: 'idle' });
  const [locating, setLocating] = useState<string | null>(null);
  const templateId = tipTemplateId();
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

  const addPhotos = async () => {
    if (!(await privacy.ask())) return;
    try {
      const res = await Taro.chooseMedia({
        count: MAX_PHOTOS - form.photos.length,
        mediaType: ['image'],
        sizeType: ['compressed'],
        sourceType: ['album', 'camera'],
      });
      const picked = res.tempFiles.map((f) => ({ path: f.tempFilePath, size: f.size }));
      set({ photos: [...form.photos, ...picked].slice(0, MAX_PHOTOS) });
    } catch {
      // cancelled: nothing to do
    }
  };

  /** WeChat: its own map picker (no background location). */
  const pickPlace = async () => {
    if (!(await privacy.ask())) return;
    try {
      const res = await Taro.chooseLocation({});
      set({
        place: [res.name, res.address].filter(Boolean).join('，').slice(0, 200),
        location: { lat: res.latitude, lng: res.longitude },
      });
    } catch {
      // cancelled: nothing to do
    }
  };

  /** H5: one reading of the browser's position, after the person agreed here and in the browser. */
  const readCurrentPosition = async () => {
    const { confirm } = await Taro.showModal({
      title: '使用当前位置',
      content: '仅此一次读取您此刻所在的位置，作为这条线索的地图位置；不会在后台持续定位。',
      confirmText: '允许读取',
      cancelText: '不用了',
    });
    if (!confirm) return;
    setLocating('正在读取位置…');
    try {
      set({ location: await currentPosition() });
      setLocating(null);
    } catch (error) {
      setLocating((error as Error).message);
    }
  };

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

  if (receipt) {
    return (
      <View className={large ? 'page large' : 'page'}>
        <View className="card">
          <Text className="section-title">线索已提交</Text>
          <Text className="article-p">请抄下或复制回执码，凭它查询办理情况。回执码只显示这一次。</Text>
          <Text className="receipt mono" aria-label="回执码">
            {receipt.receipt}
          </Text>
          {receipt.registrationNo ? (
            <Text className="line">悬赏登记序号：第 {receipt.registrationNo} 号</Text>
          ) : null}
          <View className="actions">
            <Button
              className="button primary"
              onClick={() => Taro.setClipboardData({ data: receipt.receipt })}
              aria-label="复制回执码"
            >
              复制回执码
            </Button>
            {/* not `disabled`: Taro's H5 button turns a disabled button's text white (invisible here) */}
            <Button
              className="button"
              aria-pressed={kept}
              onClick={() => {
                keepReceipt({ receipt: receipt.receipt, submittedAt: receipt.submittedAt });
                setKept(true);
              }}
            >
              {kept ? '已保存在本机' : '同意在本机保存回执'}
            </Button>
          </View>
          <Text className="hint">保存后可在“我的举报”中直接查看进度；不保存则需要手动输入回执码。</Text>
          {templateId && session ? (
            <View className="subscribe">
              <Button
                className="button"
                disabled={subscription.kind === 'busy' || subscription.kind === 'done'}
                onClick={async () => {
                  setSubscription({ kind: 'busy' });
                  try {
                    const outcome = await subscribeToTipUpdates(templateId, receipt.receipt, session);
                    setSubscription({ kind: 'done', outcome });
                  } catch {
                    setSubscription({ kind: 'failed' });
                  }
                }}
              >
                订阅办理进度提醒
              </Button>
              <Text className="hint" aria-live="polite">
                {subscription.kind === 'done'
                  ? subscription.outcome === 'subscribed'
                    ? '已订阅：办理状态变化时，微信会通知您一次。'
                    : '您未同意接收通知，可随时在“我的举报”中查看进度。'
                  : subscription.kind === 'failed'
                    ? '订阅未成功，可稍后在“我的举报”中查看进度。'
                    : '同意后，办理状态下一次变化时微信会通知您一次。'}
              </Text>
            </View>
          ) : null}
        </View>
      </View>
    );
  }

  const kindIndex = TIP_KINDS.indexOf(form.kind as (typeof TIP_KINDS)[number]);
  return (
    <View className={large ? 'page large' : 'page'}>
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

      <View className="form-row">
        <Text className="field-label">地点（选填）</Text>
        <Input
          className="text-input"
          value={form.place}
          maxlength={200}
          placeholder="如：某小区停车场"
          aria-label="地点"
          onInput={(e) => set({ place: e.detail.value })}
        />
        {isWeapp ? (
          <Button className="button" onClick={pickPlace}>
            {form.location ? '已在地图上选点，重新选择' : '在地图上选点'}
          </Button>
        ) : (
          <View>
            <Button className="button" onClick={readCurrentPosition}>
              {form.location ? '已记录当前位置，重新读取' : '使用当前位置'}
            </Button>
            {form.location ? (
              <Button className="link-button" onClick={() => set({ location: null })}>
                不附地图位置
              </Button>
            ) : null}
          </View>
        )}
        {form.location ? (
          <Text className="hint" aria-label="地图位置">
            地图位置：北纬 {form.location.lat.toFixed(5)}，东经 {form.location.lng.toFixed(5)}
          </Text>
        ) : null}
        {locating ? (
          <View role="status">
            <Text className="hint">{locating}</Text>
          </View>
        ) : null}
        <FieldError text={errors.place} />
      </View>

      <View className="form-row">
        <Text className="field-label">照片（选填，最多 {MAX_PHOTOS} 张）</Text>
        <View className="photos">
          {form.photos.map((p, i) => (
            <View className="photo" key={p.path}>
              <Image
                className="photo-image"
                src={p.path}
                mode="aspectFill"
                aria-label={`第 ${i + 1} 张照片`}
              />
              <Text
                className={
                  photoStatus[p.path]?.kind === 'failed' ? 'photo-status field-error' : 'photo-status'
                }
                aria-label={`第 ${i + 1} 张照片：${photoStatusText(photoStatus[p.path])}`}
              >
                {photoStatusText(photoStatus[p.path])}
              </Text>
              <Button
                className="link-button"
                aria-label={`删除第 ${i + 1} 张照片`}
                onClick={() => {
                  uploaded.current.delete(p.path);
                  set({ photos: form.photos.filter((x) => x.path !== p.path) });
                }}
              >
                删除
              </Button>
            </View>
          ))}
        </View>
        {form.photos.length < MAX_PHOTOS ? (
          <Button className="button" onClick={addPhotos}>
            添加照片
          </Button>
        ) : null}
        <FieldError text={errors.photos} />
      </View>

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
