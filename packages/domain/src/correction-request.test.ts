import { describe, expect, it } from 'vitest';
import { validateCorrectionRequest } from './correction-request.ts';
import { idNumberCheckChar } from './id-number.ts';

const valid = {
  listingId: 'L01ABC',
  grounds: 'inaccurate',
  requesterName: '张三',
  requesterPhone: '138 0000 0000',
  explanation: '未履行金额已部分履行，应予更正。',
};

describe('correction requests (arts. 11–12)', () => {
  it('accepts a complete request and sets the review deadline 15 days later (moved past a holiday)', () => {
    const ok = validateCorrectionRequest(valid, { today: '2026-11-27' });
    expect(ok).toMatchObject({
      ok: true,
      value: { requesterPhone: '13800000000', reviewDeadline: '2026-12-14' },
    });
    const nationalDay = validateCorrectionRequest(valid, { today: '2025-09-18' });
    // 15 days after 18 Sep is 3 Oct, inside the National Day holiday: the deadline moves to 9 Oct
    expect(nationalDay).toMatchObject({ ok: true, value: { reviewDeadline: '2025-10-09' } });
  });

  it('reports every bad field at once with zh-CN messages', () => {
    const result = validateCorrectionRequest(
      { listingId: '', grounds: 'because', requesterName: '', requesterPhone: '12345', explanation: '太短' },
      { today: '2026-11-27' },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field).sort()).toEqual([
      'explanation',
      'grounds',
      'listingId',
      'requesterName',
      'requesterPhone',
    ]);
    for (const e of result.errors) expect(e.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('checks an optional requester ID number with the national checksum', () => {
    const first17 = '46010319800101123';
    const good = validateCorrectionRequest(
      { ...valid, requesterIdNumber: first17 + idNumberCheckChar(first17) },
      { today: '2026-11-27' },
    );
    expect(good.ok).toBe(true);
    const bad = validateCorrectionRequest(
      {
        ...valid,
        requesterIdNumber:
          `${first17}0` === first17 + idNumberCheckChar(first17) ? `${first17}1` : `${first17}0`,
      },
      { today: '2026-11-27' },
    );
    expect(bad.ok).toBe(false);
  });
});
