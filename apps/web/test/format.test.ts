import { describe, expect, it } from 'vitest';
import { isRemovedResponse } from '../src/client/removed-response.ts';
import { siteSnapshotSchema } from '../src/data/snapshot-schema.ts';
import { formatCount, formatDateTimeZh, formatDateZh } from '../src/lib/format.ts';
import { XSS_PERSON } from './support/fixture.ts';

describe('zh-CN formats', () => {
  it('writes dates the Chinese way without time-zone drift', () => {
    expect(formatDateZh('2026-11-27')).toBe('2026年11月27日');
    expect(formatDateZh('2017-07-08')).toBe('2017年7月8日');
  });

  it('shows timestamps in Beijing time', () => {
    expect(formatDateTimeZh('2026-11-27T16:30:00Z')).toBe('2026年11月28日 00:30');
  });

  it('groups thousands', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(12)).toBe('12');
  });
});

describe('live status check', () => {
  it('treats only a JSON 404/410 from the API as a removal', () => {
    expect(isRemovedResponse(404, 'application/json; charset=utf-8')).toBe(true);
    expect(isRemovedResponse(410, 'application/json')).toBe(true);
    expect(isRemovedResponse(404, 'text/html')).toBe(false);
    expect(isRemovedResponse(500, 'application/json')).toBe(false);
    expect(isRemovedResponse(200, 'application/json')).toBe(false);
  });
});

describe('site snapshot', () => {
  const snapshot = { generatedAt: '2026-11-27T00:00:00Z', listings: [XSS_PERSON], stats: {} };
  const stats = { listed: 1, removed: 0, livelihood: 1, byCategory: { 1: 1 } };

  it('accepts published listings', () => {
    expect(siteSnapshotSchema.safeParse({ ...snapshot, stats }).success).toBe(true);
  });

  it('refuses to build a page with an unmasked ID number', () => {
    const leaked = { ...XSS_PERSON, idNumberMasked: '460400198001011234' };
    expect(siteSnapshotSchema.safeParse({ ...snapshot, listings: [leaked], stats }).success).toBe(false);
  });

  it('drops fields the law does not allow to publish', () => {
    const extra = { ...XSS_PERSON, idNumber: '460400198001011234', address: '某路1号' };
    const parsed = siteSnapshotSchema.parse({ ...snapshot, listings: [extra], stats });
    expect(parsed.listings[0]).not.toHaveProperty('idNumber');
    expect(parsed.listings[0]).not.toHaveProperty('address');
  });
});
