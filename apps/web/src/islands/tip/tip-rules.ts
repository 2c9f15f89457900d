/**
 * Client-side checks of a tip (我要举报): the rules of the contract's `tipSubmitSchema` (what
 * `POST /api/v1/tips` runs), written with the domain's limits so no zod reaches the browser;
 * tip-rules.test.ts checks that a tip the form lets through is one the schema accepts. On top come
 * the form's own rules, which the API leaves optional: a property lead names its type, a
 * consumption lead names the ban item, "leave my name" means name and phone, and a map point
 * needs both coordinates. The server stays the authority; its field errors are shown the same way.
 */
import type { TipSubmit } from '@portal/contract';
import {
  isTipPhone,
  TIP_CONTACT_NAME_MAX,
  TIP_DESCRIPTION_MAX,
  TIP_KINDS,
  TIP_MAX_PHOTOS,
  TIP_PHOTO_MAX_BYTES,
  TIP_PLACE_MAX,
  type TipAssetType,
  type TipKind,
} from '@portal/domain';

export interface TipFormInput {
  listingId: string;
  /** the 悬赏 notice in force for the listing, when there is one */
  rewardNoticeId: string;
  /** the tipster claims that notice (then name and phone are required, art. 23) */
  claimReward: boolean;
  kind: TipKind | '';
  assetType: TipAssetType | '';
  /** item 1–9 of the consumption ban, as the radio's value */
  consumptionItem: string;
  description: string;
  /** `<input type="datetime-local">` value, local time of the phone */
  seenAt: string;
  place: string;
  lat: string;
  lng: string;
  /** `anonymous` or `named` (name and phone) */
  identity: 'anonymous' | 'named';
  contactName: string;
  contactPhone: string;
  /** honeypot: hidden from people, filled by bots */
  website: string;
}

export type TipField =
  | 'listingId'
  | 'kind'
  | 'assetType'
  | 'consumptionItem'
  | 'description'
  | 'seenAt'
  | 'place'
  | 'location'
  | 'contactName'
  | 'contactPhone'
  | 'photos';
export type TipErrors = Partial<Record<TipField, string>>;

/** Error summary order: the order of the fields on the page. */
export const TIP_FIELD_ORDER: readonly TipField[] = [
  'listingId',
  'kind',
  'assetType',
  'consumptionItem',
  'description',
  'seenAt',
  'place',
  'location',
  'photos',
  'contactName',
  'contactPhone',
];

export function emptyTipForm(listingId = '', rewardNoticeId = ''): TipFormInput {
  return {
    listingId,
    rewardNoticeId,
    claimReward: rewardNoticeId !== '',
    kind: '',
    assetType: '',
    consumptionItem: '',
    description: '',
    seenAt: '',
    place: '',
    lat: '',
    lng: '',
    identity: rewardNoticeId ? 'named' : 'anonymous',
    contactName: '',
    contactPhone: '',
    website: '',
  };
}

/** The schema's wording where the form says it better (which field, what to do). */
const FORM_MESSAGES: Partial<Record<TipField, string>> = {
  listingId: '请先找到并选定要举报的被执行人。',
  kind: '请选择您要举报的内容：财产线索、下落、违反限制消费或其他。',
};

/** Half-width digits and separators: phones and coordinates are often typed with a Chinese IME. */
function halfWidth(value: string): string {
  return value
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[－—]/g, '-')
    .replace(/，/g, ',');
}

function coordinate(raw: string, min: number, max: number, name: string): number | string {
  const text = halfWidth(raw).trim();
  if (!/^-?\d{1,3}(\.\d+)?$/.test(text)) return `${name}应为数字，如 19.5175。`;
  const n = Number(text);
  if (n < min || n > max) return `${name}应在 ${min} 到 ${max} 之间。`;
  return n;
}

/** `{lat, lng}`, nothing (both empty) or the message for the location field. */
function readLocation(input: TipFormInput): { lat: number; lng: number } | undefined | string {
  const lat = input.lat.trim();
  const lng = input.lng.trim();
  if (!lat && !lng) return undefined;
  if (!lat || !lng) return '请同时填写纬度和经度，或者都不填。';
  const la = coordinate(lat, -90, 90, '纬度');
  if (typeof la === 'string') return la;
  const ln = coordinate(lng, -180, 180, '经度');
  if (typeof ln === 'string') return ln;
  return { lat: la, lng: ln };
}

/** ISO time of a `datetime-local` value, or the message; `now` bounds it (not in the future). */
function readSeenAt(value: string, now: Date): string | { error: string } | undefined {
  if (!value) return undefined;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return { error: '请选择看到的日期和时间。' };
  if (at.getTime() > now.getTime() + 5 * 60_000) return { error: '看到的时间不能晚于现在。' };
  if (at.getFullYear() < 2000) return { error: '请检查看到的日期。' };
  return at.toISOString();
}

/** The request body the form's values make (before the schema checks it). */
function rawBody(input: TipFormInput, seenAt: string | undefined, location: TipSubmit['location']) {
  const claiming = input.claimReward && input.rewardNoticeId !== '';
  const named = claiming || input.identity === 'named';
  return {
    listingId: input.listingId.trim(),
    ...(claiming ? { rewardNoticeId: input.rewardNoticeId } : {}),
    kind: input.kind,
    ...(input.kind === 'asset' && input.assetType ? { assetType: input.assetType } : {}),
    ...(input.kind === 'consumption' && input.consumptionItem
      ? { consumptionItem: Number(input.consumptionItem) }
      : {}),
    description: input.description,
    ...(seenAt ? { seenAt } : {}),
    ...(input.place.trim() ? { place: input.place } : {}),
    ...(location ? { location } : {}),
    ...(named
      ? {
          contactName: input.contactName,
          contactPhone: halfWidth(input.contactPhone)
            .replace(/[\s()（）]/g, '')
            .replace(/^\+?86(?=1\d{10}$)/, ''),
        }
      : {}),
    ...(input.website ? { website: input.website } : {}),
  };
}

export type TipCheck = { ok: true; body: TipSubmit } | { ok: false; errors: TipErrors };

/** The API schema's rules for each field, as the domain states them (`tipSubmitSchema`). */
function fieldRules(body: ReturnType<typeof rawBody>, errors: TipErrors): void {
  const set = (field: TipField, message: string) => {
    errors[field] ??= message;
  };
  if (!body.listingId || body.listingId.length > 64) set('listingId', FORM_MESSAGES.listingId ?? '');
  if (!(TIP_KINDS as readonly string[]).includes(body.kind)) set('kind', FORM_MESSAGES.kind ?? '');
  const description = body.description.trim();
  if (!description) set('description', '请描述您看到的情况。');
  else if (description.length > TIP_DESCRIPTION_MAX)
    set('description', `情况描述最多 ${TIP_DESCRIPTION_MAX} 字。`);
  if ((body.place?.trim().length ?? 0) > TIP_PLACE_MAX) set('place', `地点最多 ${TIP_PLACE_MAX} 字。`);
  if (body.contactName === undefined) return;
  const claiming = Boolean(body.rewardNoticeId);
  const why = claiming ? '申领悬赏须留下' : '选择留下联系方式时，请填写';
  const name = body.contactName.trim();
  if (!name) set('contactName', claiming ? `${why}姓名，以便登记和发放悬赏金。` : `${why}姓名。`);
  else if (name.length > TIP_CONTACT_NAME_MAX) set('contactName', `姓名最多 ${TIP_CONTACT_NAME_MAX} 字。`);
  if (!body.contactPhone) {
    set('contactPhone', claiming ? `${why}联系电话，以便登记和发放悬赏金。` : `${why}联系电话。`);
  } else if (!isTipPhone(body.contactPhone)) {
    set('contactPhone', '请填写有效的手机号或带区号的固定电话。');
  }
}

/**
 * The body to send, or one zh-CN message per field at fault.
 * @example
 * checkTip({ ...emptyTipForm('L1'), kind: 'whereabouts', description: '' })
 * // { ok: false, errors: { description: '请描述您看到的情况。' } }
 */
export function checkTip(input: TipFormInput, now: Date = new Date()): TipCheck {
  const errors: TipErrors = {};
  const seen = readSeenAt(input.seenAt, now);
  if (typeof seen === 'object') errors.seenAt = seen.error;
  const location = readLocation(input);
  if (typeof location === 'string') errors.location = location;
  const body = rawBody(
    input,
    typeof seen === 'string' ? seen : undefined,
    typeof location === 'object' ? location : undefined,
  );
  fieldRules(body, errors);
  if (input.kind === 'asset' && !input.assetType) errors.assetType ??= '请选择财产类型。';
  if (input.kind === 'consumption' && !input.consumptionItem) {
    errors.consumptionItem ??= '请选择对方违反的是哪一项限制消费。';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const { description, place, contactName, ...rest } = body;
  return {
    ok: true,
    body: {
      ...(rest as Omit<TipSubmit, 'description'>),
      description: description.trim(),
      ...(place ? { place: place.trim() } : {}),
      ...(contactName !== undefined ? { contactName: contactName.trim() } : {}),
    },
  };
}

/** File types the server keeps (it sniffs the bytes; HEIC does not decode there). */
export const TIP_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

export interface PhotoCandidate {
  name: string;
  type: string;
  size: number;
}

/**
 * Which of the chosen files may join the `kept` ones, and a message for each one refused.
 * @example
 * admitPhotos(0, [{ name: 'a.heic', type: 'image/heic', size: 900_000 }])
 * // { accepted: [], refused: ['“a.heic”不是 JPG、PNG 或 WebP 格式的照片，请换一张。'] }
 */
export function admitPhotos<T extends PhotoCandidate>(
  kept: number,
  chosen: readonly T[],
): { accepted: T[]; refused: string[] } {
  const accepted: T[] = [];
  const refused: string[] = [];
  const mb = Math.round(TIP_PHOTO_MAX_BYTES / 1024 / 1024);
  for (const file of chosen) {
    const name = file.name.length > 40 ? `${file.name.slice(0, 37)}…` : file.name;
    if (!(TIP_PHOTO_TYPES as readonly string[]).includes(file.type)) {
      refused.push(`“${name}”不是 JPG、PNG 或 WebP 格式的照片，请换一张。`);
    } else if (file.size > TIP_PHOTO_MAX_BYTES) {
      refused.push(`“${name}”超过 ${mb} MB，请换一张较小的照片。`);
    } else if (file.size === 0) {
      refused.push(`“${name}”是空文件，请换一张。`);
    } else if (kept + accepted.length >= TIP_MAX_PHOTOS) {
      refused.push(`最多上传 ${TIP_MAX_PHOTOS} 张照片，“${name}”没有添加。`);
    } else {
      accepted.push(file);
    }
  }
  return { accepted, refused };
}

/** “已输入 12 / 2000 字” under the description, counted as the server counts. */
export function descriptionCount(text: string): { text: string; over: boolean } {
  const n = text.trim().length;
  return { text: `已输入 ${n} / ${TIP_DESCRIPTION_MAX} 字`, over: n > TIP_DESCRIPTION_MAX };
}
