import { describe, expect, it } from 'vitest';
import { notifyTargetInputSchema, unitNotifyTargetSchema } from './notify-targets.ts';

describe('unit notification target schema', () => {
  const secret = `whsec_${Buffer.from('0123456789abcdef0123456789abcdef').toString('base64')}`;

  it('takes an http(s) URL and whsec_ secrets of at least 24 bytes', () => {
    expect(
      notifyTargetInputSchema.parse({ url: ' https://hooks.court.example/tips ', secrets: [secret] }),
    ).toEqual({
      url: 'https://hooks.court.example/tips',
      secrets: [secret],
    });
    expect(notifyTargetInputSchema.safeParse({ url: 'javascript:alert(1)' }).error?.issues[0]?.message).toBe(
      '通知地址应为 http:// 或 https:// 开头的网址。',
    );
    expect(
      notifyTargetInputSchema.safeParse({ url: 'https://x.example', secrets: ['whsec_c2hvcnQ='] }).success,
    ).toBe(false);
    expect(notifyTargetInputSchema.safeParse({ url: 'https://x.example', extra: 1 }).success).toBe(false);
  });

  it('has no field that could carry the URL or a secret back to staff', () => {
    expect(Object.keys(unitNotifyTargetSchema.shape).sort()).toEqual([
      'channel',
      'disabled',
      'secretCount',
      'unitId',
      'updatedAt',
      'urlHint',
    ]);
  });
});
