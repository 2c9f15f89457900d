import { tipSubmitFormSchema, tipSubmitSchema } from '@portal/contract';
import { ApiClientError } from '@portal/contract/client';
import { TIP_DESCRIPTION_MAX, TIP_PHOTO_MAX_BYTES } from '@portal/domain';
import { describe, expect, it } from 'vitest';
import { receiptGroups } from '../src/islands/tip/TipReceiptPanel.tsx';
import { newIdempotencyKey, tipFormData } from '../src/islands/tip/tip-api.ts';
import { submitProblem, waitText } from '../src/islands/tip/tip-errors.ts';
import { shrunkSize } from '../src/islands/tip/tip-photo-shrink.ts';
import {
  admitPhotos,
  checkTip,
  descriptionCount,
  emptyTipForm,
  type TipFormInput,
} from '../src/islands/tip/tip-rules.ts';

const NOW = new Date('2026-11-29T12:00:00+08:00');
const VALID: TipFormInput = {
  ...emptyTipForm('demo-1-00001'),
  kind: 'whereabouts',
  description: '上周六下午在那大镇人民大道的茶楼看到他本人。',
};
const check = (over: Partial<TipFormInput>) => checkTip({ ...VALID, ...over }, NOW);
const errorsOf = (over: Partial<TipFormInput>) => {
  const r = check(over);
  return r.ok ? {} : r.errors;
};

describe('tip form checks', () => {
  it('lets a minimal anonymous tip through as a body the API schema accepts, with no contact', () => {
    const r = check({});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(tipSubmitSchema.safeParse(r.body).success).toBe(true);
    expect(r.body).toEqual({
      listingId: 'demo-1-00001',
      kind: 'whereabouts',
      description: '上周六下午在那大镇人民大道的茶楼看到他本人。',
    });
  });

  it('asks to find the defaulter first when no listing is chosen', () => {
    expect(errorsOf({ listingId: '' }).listingId).toBe('请先找到并选定要举报的被执行人。');
  });

  it('asks what is being reported when no kind is chosen', () => {
    expect(errorsOf({ kind: '' }).kind).toMatch(/^请选择您要举报的内容/);
  });

  it('a property lead names the type of property; a consumption lead names the ban item', () => {
    expect(errorsOf({ kind: 'asset' }).assetType).toBe('请选择财产类型。');
    expect(errorsOf({ kind: 'consumption' }).consumptionItem).toBe('请选择对方违反的是哪一项限制消费。');
    const asset = check({ kind: 'asset', assetType: 'vehicle' });
    expect(asset.ok && asset.body.assetType).toBe('vehicle');
    const ban = check({ kind: 'consumption', consumptionItem: '1' });
    expect(ban.ok && ban.body.consumptionItem).toBe(1);
  });

  it('a sub-choice left from another kind is not sent', () => {
    const r = check({ kind: 'whereabouts', assetType: 'vehicle', consumptionItem: '3' });
    expect(r.ok && 'assetType' in r.body).toBe(false);
    expect(r.ok && 'consumptionItem' in r.body).toBe(false);
  });

  it('refuses an empty or blank description, and one over the limit, with the count', () => {
    expect(errorsOf({ description: '' }).description).toBe('请描述您看到的情况。');
    expect(errorsOf({ description: '   \n ' }).description).toBe('请描述您看到的情况。');
    const long = '车'.repeat(TIP_DESCRIPTION_MAX + 1);
    expect(errorsOf({ description: long }).description).toBe(`情况描述最多 ${TIP_DESCRIPTION_MAX} 字。`);
    expect(check({ description: '车'.repeat(TIP_DESCRIPTION_MAX) }).ok).toBe(true);
    expect(descriptionCount(long)).toEqual({
      text: `已输入 ${TIP_DESCRIPTION_MAX + 1} / 2000 字`,
      over: true,
    });
  });

  it('a time in the future is refused; a past one is sent as an ISO instant', () => {
    expect(errorsOf({ seenAt: '2026-12-30T10:00' }).seenAt).toBe('看到的时间不能晚于现在。');
    const r = check({ seenAt: '2026-11-28T15:30' });
    expect(r.ok).toBe(true);
    expect(r.ok && new Date(r.body.seenAt ?? '').getTime()).toBe(new Date('2026-11-28T15:30').getTime());
  });

  it('a map point needs both coordinates, in range; full-width digits are read', () => {
    expect(errorsOf({ lat: '19.5' }).location).toBe('请同时填写纬度和经度，或者都不填。');
    expect(errorsOf({ lat: '95', lng: '109.5' }).location).toBe('纬度应在 -90 到 90 之间。');
    expect(errorsOf({ lat: '19.5', lng: '东经109' }).location).toBe('经度应为数字，如 19.5175。');
    const r = check({ lat: '１９．５１７５', lng: '109.5808' });
    expect(r.ok && r.body.location).toEqual({ lat: 19.5175, lng: 109.5808 });
  });

  it('“leave my name” needs both name and a valid phone; anonymous sends neither', () => {
    const named = errorsOf({ identity: 'named' });
    expect(named.contactName).toBe('选择留下联系方式时，请填写姓名。');
    expect(named.contactPhone).toBe('选择留下联系方式时，请填写联系电话。');
    expect(errorsOf({ identity: 'named', contactName: '李四', contactPhone: '12345' }).contactPhone).toBe(
      '请填写有效的手机号或带区号的固定电话。',
    );
    const ok = check({ identity: 'named', contactName: '李四', contactPhone: '+86 138 0013 8000' });
    expect(ok.ok && [ok.body.contactName, ok.body.contactPhone]).toEqual(['李四', '13800138000']);
    const anon = check({ identity: 'anonymous', contactName: '李四', contactPhone: '13800138000' });
    expect(anon.ok && 'contactName' in anon.body).toBe(false);
  });

  it('claiming a 悬赏 requires name and phone, and sends the notice id', () => {
    const claim = { ...emptyTipForm('demo-1-00001', 'R1'), kind: 'asset', assetType: 'deposit' } as const;
    expect(claim.identity).toBe('named');
    const r = checkTip({ ...claim, description: '他在某银行有存款。' }, NOW);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.contactName).toBe('申领悬赏须留下姓名，以便登记和发放悬赏金。');
    const ok = checkTip(
      { ...claim, description: '他在某银行有存款。', contactName: '王五', contactPhone: '0898-23300000' },
      NOW,
    );
    expect(ok.ok && ok.body.rewardNoticeId).toBe('R1');
    const unclaimed = checkTip(
      { ...claim, claimReward: false, identity: 'anonymous', description: '他在某银行有存款。' },
      NOW,
    );
    expect(unclaimed.ok && 'rewardNoticeId' in unclaimed.body).toBe(false);
  });

  it('passes the honeypot on, so the server can refuse a bot', () => {
    const r = check({ website: 'http://spam.example' });
    expect(r.ok && r.body.website).toBe('http://spam.example');
  });
});

describe('the form’s checks are the API schema’s', () => {
  const base = { listingId: 'demo-1-00001', kind: 'whereabouts', description: VALID.description };
  /** form values, and the raw body the schema would get for them */
  const cases: [string, Partial<TipFormInput>, Record<string, unknown>][] = [
    ['valid, anonymous', {}, base],
    [
      'valid, named',
      { identity: 'named', contactName: '李四', contactPhone: '0898-23300000' },
      { ...base, contactName: '李四', contactPhone: '0898-23300000' },
    ],
    ['no listing', { listingId: '' }, { ...base, listingId: '' }],
    ['no kind', { kind: '' }, { ...base, kind: '' }],
    ['blank description', { description: ' \n ' }, { ...base, description: ' \n ' }],
    ['long description', { description: '车'.repeat(2001) }, { ...base, description: '车'.repeat(2001) }],
    ['long place', { place: '路'.repeat(201) }, { ...base, place: '路'.repeat(201) }],
    [
      'long name',
      { identity: 'named', contactName: '名'.repeat(51), contactPhone: '13800138000' },
      { ...base, contactName: '名'.repeat(51), contactPhone: '13800138000' },
    ],
    [
      'bad phone',
      { identity: 'named', contactName: '李四', contactPhone: '138001' },
      { ...base, contactName: '李四', contactPhone: '138001' },
    ],
    ['claim without contact', { rewardNoticeId: 'R1', claimReward: true }, { ...base, rewardNoticeId: 'R1' }],
  ];
  for (const [name, form, raw] of cases) {
    it(`${name}: same verdict and same field as the schema`, () => {
      const client = check(form);
      const server = tipSubmitSchema.safeParse(raw);
      expect(client.ok).toBe(server.success);
      if (client.ok && server.success) expect(client.body).toEqual(server.data);
      if (!client.ok && !server.success) {
        const fields = new Set(server.error.issues.map((i) => String(i.path[0])));
        for (const f of Object.keys(client.errors)) expect(fields).toContain(f);
      }
    });
  }
});

describe('photo checks', () => {
  const jpeg = (name: string, size = 200_000) => ({ name, type: 'image/jpeg', size });

  it('keeps JPG, PNG and WebP up to the size limit and refuses others with the file name', () => {
    const r = admitPhotos(0, [
      jpeg('a.jpg'),
      { name: 'b.png', type: 'image/png', size: 10 },
      { name: 'c.heic', type: 'image/heic', size: 10 },
      jpeg('big.jpg', TIP_PHOTO_MAX_BYTES + 1),
      jpeg('empty.jpg', 0),
    ]);
    expect(r.accepted.map((f) => f.name)).toEqual(['a.jpg', 'b.png']);
    expect(r.refused).toEqual([
      '“c.heic”不是 JPG、PNG 或 WebP 格式的照片，请换一张。',
      '“big.jpg”超过 10 MB，请换一张较小的照片。',
      '“empty.jpg”是空文件，请换一张。',
    ]);
  });

  it('stops at six photos and says which were not added', () => {
    const r = admitPhotos(4, [jpeg('5.jpg'), jpeg('6.jpg'), jpeg('7.jpg')]);
    expect(r.accepted.map((f) => f.name)).toEqual(['5.jpg', '6.jpg']);
    expect(r.refused).toEqual(['最多上传 6 张照片，“7.jpg”没有添加。']);
  });
});

describe('photo shrinking before upload', () => {
  it('caps the long side at 2560 px, keeps the shape, never enlarges', () => {
    expect(shrunkSize(4000, 3000)).toEqual({ width: 2560, height: 1920 });
    expect(shrunkSize(3000, 6000)).toEqual({ width: 1280, height: 2560 });
    expect(shrunkSize(1000, 800)).toEqual({ width: 1000, height: 800 });
  });
});

describe('sending', () => {
  it('the multipart body carries the same fields the API reads, the photos under `photos`', () => {
    const r = check({
      lat: '19.5',
      lng: '109.5',
      identity: 'named',
      contactName: '李四',
      contactPhone: '13800138000',
    });
    if (!r.ok) throw new Error('expected a valid tip');
    const photo = new File([new Uint8Array([0xff, 0xd8, 0xff])], 'p.jpg', { type: 'image/jpeg' });
    const form = tipFormData(r.body, [photo, photo]);
    const parsed = tipSubmitFormSchema.safeParse({
      ...Object.fromEntries([...form.entries()].filter(([k]) => k !== 'photos')),
      photos: form.getAll('photos'),
    });
    expect(parsed.success).toBe(true);
    expect(parsed.data?.location).toEqual({ lat: 19.5, lng: 109.5 });
    expect(parsed.data?.photos).toHaveLength(2);
  });

  it('each form gets its own idempotency key of 128 random bits', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^tip-[0-9a-f]{32}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });

  it('tells the tipster what to do for each failure, keeping what they typed', () => {
    const err = (status: number, code: string, message: string, extra: object = {}) =>
      new ApiClientError({ status, code, message, ...extra });
    expect(
      submitProblem(err(400, 'INVALID_INPUT', '请填写有效的手机号。', { field: 'contactPhone' })),
    ).toEqual({
      kind: 'field',
      field: 'contactPhone',
      message: '请填写有效的手机号。',
    });
    expect(submitProblem(err(413, 'PAYLOAD_TOO_LARGE', '照片太大。'))).toMatchObject({
      kind: 'field',
      field: 'photos',
    });
    expect(submitProblem(err(409, 'IDEMPOTENCY_IN_FLIGHT', 'x')).message).toMatch(/还在处理中/);
    expect(submitProblem(err(422, 'IDEMPOTENCY_MISMATCH', 'x')).kind).toBe('changed');
    expect(submitProblem(err(429, 'RATE_LIMITED', 'x', { retryAfterSeconds: 600 })).message).toBe(
      '提交次数过多，请约 10 分钟后再试。您填写的内容仍保留在本页。',
    );
    expect(submitProblem(err(0, 'NETWORK_ERROR', 'x')).message).toMatch(/不会重复提交/);
    expect(submitProblem(err(504, 'UNAVAILABLE', 'x')).message).toBe(
      '服务器没有正常答复，举报可能没有保存。您填写的内容仍保留在本页。请稍后再点“提交举报”，不会重复提交。',
    );
    expect(submitProblem(err(404, 'NOT_FOUND', 'x', { field: 'listingId' })).message).toMatch(/已不再公布/);
  });

  it('says how long to wait in words', () => {
    expect(waitText(undefined)).toBe('稍等片刻');
    expect(waitText(30)).toBe('30 秒');
    expect(waitText(61)).toBe('约 2 分钟');
  });
});

describe('receipt', () => {
  it('is shown in its groups and read out character by character', () => {
    expect(receiptGroups('7K3M-Q9TA-2B4C-1X8Z')).toEqual({
      groups: ['7K3M', 'Q9TA', '2B4C', '1X8Z'],
      spoken: '7 K 3 M，Q 9 T A，2 B 4 C，1 X 8 Z',
    });
  });
});
