import { createApiClient } from '@portal/contract/client';
import { listingDetailRoute } from '@portal/contract/routes';
import { describe, expect, it } from 'vitest';
import { isRemovedError } from '../src/client/removed-response.ts';
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
  async function answerTo(status: number, contentType: string, body: string): Promise<unknown> {
    const api = createApiClient({
      fetch: async () => new Response(body, { status, headers: { 'content-type': contentType } }),
    });
    return api.call(listingDetailRoute, { params: { id: 'L1' } }).then(
      () => null,
      (err: unknown) => err,
    );
  }
  const envelope = (code: string) => JSON.stringify({ error: { code, message: '已删除', requestId: 'r' } });

  it('treats only a 404/410 with the API envelope as a removal', async () => {
    expect(isRemovedError(await answerTo(410, 'application/json', envelope('LISTING_GONE')))).toBe(true);
    expect(isRemovedError(await answerTo(404, 'application/json', envelope('LISTING_NOT_FOUND')))).toBe(true);
    expect(isRemovedError(await answerTo(404, 'text/html', '<h1>Not found</h1>'))).toBe(false);
    expect(isRemovedError(await answerTo(500, 'application/json', envelope('INTERNAL')))).toBe(false);
    expect(isRemovedError(await answerTo(200, 'application/json', '{}'))).toBe(false);
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
