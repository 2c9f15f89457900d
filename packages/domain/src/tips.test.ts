import { describe, expect, it } from 'vitest';
import {
  canMoveTip,
  formatReceipt,
  isTipPhone,
  normalizeReceipt,
  RECEIPT_LENGTH,
  TIP_CONSUMPTION_ITEMS,
  TIP_KINDS,
} from './tips.ts';

describe('tip kinds', () => {
  it('offers the four kinds of the contract and the nine consumption-ban items of art. 3', () => {
    expect(TIP_KINDS).toEqual(['asset', 'whereabouts', 'consumption', 'other']);
    expect(TIP_CONSUMPTION_ITEMS).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('tip status flow received → in_review → verified / not_useful → closed', () => {
  it('allows the forward steps and refuses going back', () => {
    expect(canMoveTip('received', 'in_review')).toBe(true);
    expect(canMoveTip('in_review', 'verified')).toBe(true);
    expect(canMoveTip('verified', 'closed')).toBe(true);
    expect(canMoveTip('verified', 'in_review')).toBe(false);
    expect(canMoveTip('closed', 'received')).toBe(false);
  });
});

describe('receipt code', () => {
  it('carries 80 bits as 16 Crockford characters in groups of four', () => {
    const code = formatReceipt(Uint8Array.from([255, 255, 255, 255, 255, 255, 255, 255, 255, 255]));
    expect(code).toBe('ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    expect(formatReceipt(Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]))).toBe('0000-0000-0000-0001');
    expect(RECEIPT_LENGTH * 5).toBeGreaterThanOrEqual(64);
  });

  it('reads back what a person typed: lower case, spaces, O for 0 and L for 1', () => {
    expect(normalizeReceipt('7k3m q9ta-2b4c-1x8z')).toBe('7K3MQ9TA2B4C1X8Z');
    expect(normalizeReceipt('OOOO-LLLL-IIII-0000')).toBe('0000111111110000');
  });

  it('refuses wrong lengths, foreign characters and oversized input before any hashing', () => {
    expect(normalizeReceipt('7K3M-Q9TA')).toBeNull();
    expect(normalizeReceipt('7K3M-Q9TA-2B4C-1X8U')).toBeNull(); // U is not Crockford
    expect(normalizeReceipt('x'.repeat(10_000))).toBeNull();
  });
});

describe('tipster phone', () => {
  it('accepts a mobile or a landline with area code', () => {
    expect(isTipPhone('13800138000')).toBe(true);
    expect(isTipPhone('0898-66123456')).toBe(true);
    expect(isTipPhone('12345')).toBe(false);
  });
});
