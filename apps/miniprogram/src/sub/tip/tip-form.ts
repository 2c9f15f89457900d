/**
 * The tip form's state, its checks before sending (the same limits the API applies, with the
 * same zh-CN wording where one exists) and the JSON body it becomes. The API validates again.
 */
import {
  isTipPhone,
  TIP_CONTACT_NAME_MAX,
  TIP_DESCRIPTION_MAX,
  TIP_MAX_PHOTOS,
  TIP_PLACE_MAX,
  type TipKind,
} from '@portal/domain';

export interface TipPhoto {
  /** local path (weapp temp file) or blob: URL (H5) */
  path: string;
  size: number;
}

export interface TipFormState {
  listingId: string;
  rewardNoticeId: string;
  kind: TipKind | '';
  consumptionItem: number | null;
  description: string;
  /** 'YYYY-MM-DD' and 'HH:mm' from the pickers, or '' */
  seenDate: string;
  seenTime: string;
  place: string;
  location: { lat: number; lng: number } | null;
  photos: TipPhoto[];
  anonymous: boolean;
  contactName: string;
  contactPhone: string;
}

export const emptyTipForm = (listingId: string, rewardNoticeId = ''): TipFormState => ({
  listingId,
  rewardNoticeId,
  kind: '',
  consumptionItem: null,
  description: '',
  seenDate: '',
  seenTime: '',
  place: '',
  location: null,
  photos: [],
  anonymous: !rewardNoticeId,
  contactName: '',
  contactPhone: '',
});

export type TipFieldErrors = Partial<Record<keyof TipFormState, string>>;

/** Field → message for everything the person must fix; empty when the form can be sent. */
export function validateTip(form: TipFormState, now = new Date()): TipFieldErrors {
  const errors: TipFieldErrors = {};
  if (!form.listingId) errors.listingId = '请从失信信息详情页进入举报。';
  if (!form.kind) errors.kind = '请选择线索类型：财产线索、下落线索、违反限制消费或其他。';
  if (form.kind === 'consumption' && form.consumptionItem === null) {
    errors.consumptionItem = '请选择被执行人违反的限制消费事项。';
  }
  const description = form.description.trim();
  if (!description) errors.description = '请描述您看到的情况。';
  else if (description.length > TIP_DESCRIPTION_MAX)
    errors.description = `情况描述最多 ${TIP_DESCRIPTION_MAX} 字。`;
  if (form.seenTime && !form.seenDate) errors.seenDate = '请先选择发现日期。';
  const seenAt = seenAtIso(form);
  if (seenAt && new Date(seenAt).getTime() > now.getTime() + 5 * 60_000) {
    errors.seenDate = '发现时间不能晚于现在。';
  }
  if (form.place.trim().length > TIP_PLACE_MAX) errors.place = `地点最多 ${TIP_PLACE_MAX} 字。`;
  if (form.photos.length > TIP_MAX_PHOTOS) errors.photos = `最多上传 ${TIP_MAX_PHOTOS} 张照片。`;
  const claiming = Boolean(form.rewardNoticeId);
  if (!form.anonymous || claiming) {
    const name = form.contactName.trim();
    const phone = form.contactPhone.trim();
    if (!name) {
      errors.contactName = claiming
        ? '申领悬赏须留下姓名，以便登记和发放悬赏金。'
        : '请填写姓名，或选择匿名举报。';
    } else if (name.length > TIP_CONTACT_NAME_MAX)
      errors.contactName = `姓名最多 ${TIP_CONTACT_NAME_MAX} 字。`;
    if (!phone) {
      errors.contactPhone = claiming
        ? '申领悬赏须留下联系电话，以便登记和发放悬赏金。'
        : '请填写联系电话，或选择匿名举报。';
    } else if (!isTipPhone(phone)) errors.contactPhone = '请填写有效的手机号或带区号的固定电话。';
  }
  return errors;
}

/** The chosen day and time in China Standard Time, as the API's ISO date-time with offset. */
export function seenAtIso(form: Pick<TipFormState, 'seenDate' | 'seenTime'>): string | undefined {
  if (!form.seenDate) return undefined;
  return `${form.seenDate}T${form.seenTime || '00:00'}:00+08:00`;
}

/** The fields as the API takes them (JSON, or multipart text fields); contact only when given. */
export function tipFields(
  form: TipFormState,
): Record<string, string | number | { lat: number; lng: number }> {
  const out: Record<string, string | number | { lat: number; lng: number }> = {
    listingId: form.listingId,
    kind: form.kind,
    description: form.description.trim(),
  };
  if (form.rewardNoticeId) out.rewardNoticeId = form.rewardNoticeId;
  if (form.kind === 'consumption' && form.consumptionItem !== null)
    out.consumptionItem = form.consumptionItem;
  const seenAt = seenAtIso(form);
  if (seenAt) out.seenAt = seenAt;
  if (form.place.trim()) out.place = form.place.trim();
  if (form.location) out.location = form.location;
  if (!form.anonymous || form.rewardNoticeId) {
    out.contactName = form.contactName.trim();
    out.contactPhone = form.contactPhone.trim();
  }
  return out;
}

/**
 * One key per form, made when the form opens: every retry of this form sends the same key, so
 * the API stores the tip once however often a flaky network makes the person press again.
 */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (c?.getRandomValues) c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return `mp-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Whom the tip is about, from the name and case number the opening page passed along (display
 * only: the tip names the listing by `listingId`), so the tipster sees it before writing.
 */
export function tipTargetText(params: Partial<Record<string, string>>): string {
  const name = readParam(params.name);
  const caseNo = readParam(params.caseNo);
  if (!name) return '';
  return caseNo ? `举报对象：${name}，${caseNo}` : `举报对象：${name}`;
}

/** WeChat hands page parameters over still URI-encoded, the H5 router decoded: accept both. */
function readParam(value: string | undefined): string {
  if (!value) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
