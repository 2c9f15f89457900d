import { describe, expect, it } from 'vitest';
import { rewardCreateSchema } from './rewards.ts';
import { tipSubmitFormSchema, tipSubmitSchema } from './tips.ts';

const base = { listingId: 'L1', kind: 'asset', description: '在海口看到他开一辆新车。' };

describe('tip submission schema', () => {
  it('accepts an anonymous tip and trims the description', () => {
    const out = tipSubmitSchema.parse({ ...base, description: '  看到了  ' });
    expect(out.description).toBe('看到了');
  });

  it('requires a name and a phone to claim a reward notice, with zh-CN messages on the fields', () => {
    const r = tipSubmitSchema.safeParse({ ...base, rewardNoticeId: 'R1' });
    expect(r.success).toBe(false);
    const fields = r.error!.issues.map((i) => i.path.join('.'));
    expect(fields).toEqual(expect.arrayContaining(['contactName', 'contactPhone']));
    expect(r.error!.issues[0]!.message).toMatch(/悬赏/);
  });

  it('refuses an empty or overlong description, an unknown kind and a consumption item outside 1–9', () => {
    expect(tipSubmitSchema.safeParse({ ...base, description: ' ' }).error?.issues[0]?.message).toBe(
      '请描述您看到的情况。',
    );
    expect(tipSubmitSchema.safeParse({ ...base, description: '字'.repeat(2001) }).success).toBe(false);
    expect(tipSubmitSchema.safeParse({ ...base, kind: 'gossip' }).error?.issues[0]?.message).toMatch(
      /线索类型/,
    );
    expect(tipSubmitSchema.safeParse({ ...base, kind: 'consumption', consumptionItem: 10 }).success).toBe(
      false,
    );
    expect(tipSubmitSchema.safeParse({ ...base, kind: 'consumption', consumptionItem: 9 }).success).toBe(
      true,
    );
  });

  it('reads the multipart variant: empty strings are absent, location as JSON text', () => {
    const out = tipSubmitFormSchema.parse({
      ...base,
      kind: 'consumption',
      consumptionItem: '1',
      seenAt: '',
      location: '{"lat":20.02,"lng":110.35}',
    });
    expect(out.consumptionItem).toBe(1);
    expect(out.seenAt).toBeUndefined();
    expect(out.location).toEqual({ lat: 20.02, lng: 110.35 });
    expect(out.photos).toEqual([]);
  });
});

describe('reward application schema (法释〔2017〕8号 art. 21)', () => {
  const app = {
    listingId: 'L1',
    conditions: '提供法院尚未掌握的财产线索',
    startsAt: '2026-01-01',
    endsAt: '2026-06-30',
  };
  it('takes a sum or a rate, never both or neither', () => {
    expect(rewardCreateSchema.safeParse({ ...app, amountFen: 100 }).success).toBe(true);
    expect(rewardCreateSchema.safeParse({ ...app, ratePercent: 10 }).success).toBe(true);
    expect(rewardCreateSchema.safeParse(app).success).toBe(false);
    expect(rewardCreateSchema.safeParse({ ...app, amountFen: 1, ratePercent: 1 }).success).toBe(false);
  });
  it('splits conditions into lines and refuses an end before the start', () => {
    expect(rewardCreateSchema.parse({ ...app, amountFen: 1, conditions: 'a\nb\n' }).conditions).toEqual([
      'a',
      'b',
    ]);
    expect(rewardCreateSchema.safeParse({ ...app, amountFen: 1, endsAt: '2025-12-31' }).success).toBe(false);
  });
});
