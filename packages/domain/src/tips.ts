/**
 * Tip-offs (举报线索) from the public: what a tipster can report, the limits of a tip, its status
 * flow and the receipt code. The plan behind the portal publishes defaulters "同时告知惩戒措施及举报方式":
 * these rules are the other half of every listing page, slide and poster. Pure, no I/O.
 */
import { CONSUMPTION_BAN_ITEMS } from './consumption-ban.ts';

export const TIP_KINDS = ['asset', 'whereabouts', 'consumption', 'other'] as const;
export type TipKind = (typeof TIP_KINDS)[number];

export const TIP_KIND_LABELS: Readonly<Record<TipKind, string>> = {
  asset: '财产线索',
  whereabouts: '下落线索',
  consumption: '违反限制消费',
  other: '其他线索',
};

/** Sub-choices of a property lead (财产线索). */
export const TIP_ASSET_TYPES = ['real_estate', 'vehicle', 'deposit', 'business_income', 'other'] as const;
export type TipAssetType = (typeof TIP_ASSET_TYPES)[number];

export const TIP_ASSET_TYPE_LABELS: Readonly<Record<TipAssetType, string>> = {
  real_estate: '房产',
  vehicle: '车辆',
  deposit: '存款',
  business_income: '经营收入',
  other: '其他财产',
};

/** Item numbers 1–9 of the consumption ban (art. 3 para. 1), for a `consumption` tip. */
export const TIP_CONSUMPTION_ITEMS: readonly number[] = CONSUMPTION_BAN_ITEMS.map((i) => i.item);

export const TIP_DESCRIPTION_MAX = 2000;
export const TIP_PLACE_MAX = 200;
export const TIP_CONTACT_NAME_MAX = 50;
export const TIP_MAX_PHOTOS = 6;
/** Bytes of one photo as uploaded (before re-encoding). */
export const TIP_PHOTO_MAX_BYTES = 10 * 1024 * 1024;
/** Decoded pixels of one photo: refuses decompression bombs before they are decoded. */
export const TIP_PHOTO_MAX_PIXELS = 40_000_000;

export const TIP_STATUSES = ['received', 'in_review', 'verified', 'not_useful', 'closed'] as const;
export type TipStatus = (typeof TIP_STATUSES)[number];

export const TIP_STATUS_LABELS: Readonly<Record<TipStatus, string>> = {
  received: '已收到',
  in_review: '核查中',
  verified: '线索属实',
  not_useful: '线索未能核实',
  closed: '已办结',
};

/** received → in_review → verified / not_useful → closed. A step back is not allowed. */
const NEXT: Readonly<Record<TipStatus, readonly TipStatus[]>> = {
  received: ['in_review', 'not_useful', 'closed'],
  in_review: ['verified', 'not_useful', 'closed'],
  verified: ['closed'],
  not_useful: ['closed'],
  closed: [],
};

/**
 * @example
 * canMoveTip('received', 'in_review') // true
 * canMoveTip('closed', 'in_review') // false
 */
export function canMoveTip(from: TipStatus, to: TipStatus): boolean {
  return NEXT[from].includes(to);
}

/** Mainland mobile number (11 digits from 1[3-9]) or a landline with area code. */
export function isTipPhone(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value) || /^0\d{2,3}-?\d{7,8}$/.test(value);
}

// ---- receipt code ----------------------------------------------------------------------------

/** Crockford base32: no I, L, O, U, so a code read aloud or copied by hand survives. */
const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 16 characters × 5 bits = 80 random bits (≥ 64 required). */
export const RECEIPT_LENGTH = 16;
/** Longest input a look-up accepts before normalising (rejects oversized input before hashing). */
export const RECEIPT_INPUT_MAX = 40;

/**
 * Formats 10 random bytes as a receipt: 16 Crockford base32 characters in groups of four.
 * @example
 * formatReceipt(new Uint8Array(10)) // '0000-0000-0000-0000'
 */
export function formatReceipt(random: Uint8Array): string {
  if (random.length < 10) throw new RangeError('a receipt needs 10 random bytes (80 bits)');
  let bits = 0n;
  for (const byte of random.subarray(0, 10)) bits = (bits << 8n) | BigInt(byte);
  let out = '';
  for (let i = 0; i < RECEIPT_LENGTH; i++) {
    out = RECEIPT_ALPHABET[Number(bits & 31n)] + out;
    bits >>= 5n;
  }
  return out.match(/.{4}/g)!.join('-');
}

/**
 * The canonical form of a typed receipt (upper case, without spaces or dashes; O→0, I/L→1 as
 * Crockford decoding does), or null when it cannot be one.
 * @example
 * normalizeReceipt('7k3m-q9ta 2b4c-1x8z') // '7K3MQ9TA2B4C1X8Z'
 */
export function normalizeReceipt(input: string): string | null {
  if (input.length > RECEIPT_INPUT_MAX) return null;
  const compact = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (compact.length !== RECEIPT_LENGTH) return null;
  for (const ch of compact) if (!RECEIPT_ALPHABET.includes(ch)) return null;
  return compact;
}
