import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addMonths } from './dates.ts';
import {
  isRemovalReason,
  REMOVAL_REASONS,
  readRemovalEventDate,
  relistingRefusal,
  removalCreditor,
  removalReasonsFor,
  validateRemovalReason,
} from './removal-reasons.ts';

const PARA_1 = ['performed', 'settled', 'withdrawn', 'no_assets', 'suspended', 'not_enforced', 'terminated'];

describe('法释〔2017〕7号 art. 10: removal reasons by category', () => {
  it('art. 10 ¶1: the seven grounds (plus revocation) end a listing without a term (category 1)', () => {
    expect(removalReasonsFor(1).map((r) => r.code)).toEqual([...PARA_1, 'revoked']);
    for (const reason of PARA_1) expect(validateRemovalReason(reason, { category: 1 })).toBeNull();
  });

  it('art. 10 ¶2: a listing with a term does not use the ¶1 grounds, and the message says what applies instead', () => {
    for (const category of [2, 3, 4, 5, 6] as const) {
      for (const reason of PARA_1) {
        expect(validateRemovalReason(reason, { category })).toMatchObject({
          field: 'reason',
          code: 'REMOVAL_REASON_NOT_APPLICABLE',
        });
      }
    }
    expect(validateRemovalReason('performed', { category: 3 })!.message).toContain('第二条第二款');
  });

  it('art. 10 ¶2 and art. 2 ¶2: a termed listing ends at expiry or by early removal for active performance', () => {
    expect(removalReasonsFor(4).map((r) => r.code)).toEqual(['revoked', 'expired', 'active_performance']);
    expect(validateRemovalReason('active_performance', { category: 4 })).toBeNull();
    expect(REMOVAL_REASONS.find((r) => r.code === 'active_performance')!.legalGround).toBe('第二条第二款');
  });

  it('art. 10 ¶2: `expired` and early removal are refused for category 1, which has no term', () => {
    for (const reason of ['expired', 'active_performance'])
      expect(validateRemovalReason(reason, { category: 1 })?.code).toBe('REMOVAL_REASON_NOT_APPLICABLE');
  });

  it('arts. 9 and 12: revocation of a wrong listing applies to every category', () => {
    for (const category of [1, 2, 3, 4, 5, 6] as const)
      expect(validateRemovalReason('revoked', { category })).toBeNull();
  });

  it('rejects a reason the law does not know', () => {
    expect(isRemovalReason('paid')).toBe(false);
    expect(validateRemovalReason('paid', { category: 1 })?.code).toBe('INVALID_REMOVAL_REASON');
  });
});

describe('法释〔2017〕7号 art. 10 ¶4: no re-listing at the same creditor’s request within six months', () => {
  const history = [
    { reason: 'withdrawn' as const, removedOn: '2025-01-10', creditor: '海南某某银行(股份)有限公司' },
  ];

  it('art. 10 ¶4: refuses the creditor who asked for the removal, up to the corresponding day six months later', () => {
    const r = relistingRefusal(
      { creditor: '海南某某银行（股份）有限公司', requestDate: '2025-07-10' },
      history,
    );
    expect(r).toMatchObject({ code: 'RELISTING_REFUSED', field: 'applicant', barredUntil: '2025-07-10' });
    expect(r!.message).toContain('2025-07-10');
  });

  it('art. 10 ¶4: admits the same creditor from the day after the six months', () => {
    expect(
      relistingRefusal({ creditor: '海南某某银行(股份)有限公司', requestDate: '2025-07-11' }, history),
    ).toBeNull();
  });

  it('art. 10 ¶3: does not bar the court acting on its own motion, nor another creditor', () => {
    expect(relistingRefusal({ requestDate: '2025-02-01' }, history)).toBeNull();
    expect(relistingRefusal({ creditor: '李四', requestDate: '2025-02-01' }, history)).toBeNull();
  });

  it('art. 10 ¶4: only a removal on the creditor’s written request (¶1 (三)) bars, not performance or expiry', () => {
    const other = [
      { reason: 'performed' as const, removedOn: '2025-01-10', creditor: '张三' },
      { reason: 'expired' as const, removedOn: '2025-01-10', creditor: '张三' },
    ];
    expect(relistingRefusal({ creditor: '张三', requestDate: '2025-02-01' }, other)).toBeNull();
  });

  it('art. 10 ¶4: a removal on 31 August bars until the end of February (no corresponding day)', () => {
    const h = [{ reason: 'withdrawn' as const, removedOn: '2025-08-31', creditor: '张三' }];
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(relistingRefusal({ creditor: '张三', requestDate: '2026-02-28' }, h)?.barredUntil).toBe(
      '2026-02-28',
    );
    expect(relistingRefusal({ creditor: '张三', requestDate: '2026-03-01' }, h)).toBeNull();
  });

  it('art. 10 ¶4: with several withdrawals the latest bar counts, and a later removal does not bar an earlier request', () => {
    const h = [
      { reason: 'withdrawn' as const, removedOn: '2024-01-10', creditor: '张三' },
      { reason: 'withdrawn' as const, removedOn: '2025-03-01', creditor: '张三' },
    ];
    expect(relistingRefusal({ creditor: '张三', requestDate: '2025-04-01' }, h)?.barredUntil).toBe(
      '2025-09-01',
    );
    expect(relistingRefusal({ creditor: '张三', requestDate: '2024-12-01' }, h)).toBeNull();
  });
});

describe('the public notice on removal', () => {
  const notice = readFileSync(new URL('../../../content/notices/removal.md', import.meta.url), 'utf8');

  it('art. 10 ¶3: cites ¶3 (not ¶2) for re-listing and ¶4 for the six-month bar', () => {
    expect(notice).toMatch(/依照第十条第三款[^。]*重新将其纳入/);
    expect(notice).not.toMatch(/第十条第二款[^。]*重新将其纳入/);
    expect(notice).toMatch(/第十条第四款[^。]*六个月/);
  });
});

describe('法释〔2017〕7号 art. 10 ¶1 (三): the creditor who asked for the removal', () => {
  it('art. 10 ¶1 (三): the creditor named in the request wins over the listing’s applicant (several creditors)', () => {
    expect(removalCreditor('withdrawn', ' 李四 ', { applicant: '海南某银行' })).toEqual({
      ok: true,
      value: '李四',
    });
  });

  it('art. 10 ¶1 (三): without a name, the listing’s applicant asked (what older requests meant)', () => {
    expect(removalCreditor('withdrawn', undefined, { applicant: '海南某银行' })).toEqual({
      ok: true,
      value: '海南某银行',
    });
    expect(removalCreditor('withdrawn', '', { applicant: '海南某银行' })).toEqual({
      ok: true,
      value: '海南某银行',
    });
  });

  it('art. 10 ¶1 (三): a listing without an applicant (court’s own motion) needs the creditor named', () => {
    const r = removalCreditor('withdrawn', null, { applicant: null });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ field: 'creditor', code: 'REQUIRED' });
  });

  it('art. 10 ¶1 (三): no creditor with any other reason; not text or over 100 characters is refused', () => {
    expect(removalCreditor('performed', undefined, { applicant: '海南某银行' })).toEqual({
      ok: true,
      value: null,
    });
    const wrong = removalCreditor('performed', '李四', { applicant: null });
    expect(!wrong.ok && wrong.error.code).toBe('FIELD_NOT_ALLOWED');
    const typed = removalCreditor('withdrawn', 7, { applicant: '海南某银行' });
    expect(!typed.ok && typed.error.code).toBe('INVALID_TYPE');
    const long = removalCreditor('withdrawn', '某'.repeat(101), { applicant: null });
    expect(!long.ok && long.error.code).toBe('TOO_LONG');
  });
});

describe('法释〔2017〕7号 art. 10 ¶1: the day the ground for removal arose (eventDate)', () => {
  const opts = { today: '2025-06-01', filedAt: '2017-03-02' };

  it('art. 10 ¶1: defaults to today and reads full-width digits', () => {
    expect(readRemovalEventDate(undefined, opts)).toEqual({ ok: true, value: '2025-06-01' });
    expect(readRemovalEventDate('２０２５-０５-２８', opts)).toEqual({ ok: true, value: '2025-05-28' });
  });

  it('art. 10 ¶1: refuses a day in the future, before the filing, or not a date, on the eventDate field', () => {
    expect(readRemovalEventDate('2025-06-02', opts)).toMatchObject({
      ok: false,
      error: { field: 'eventDate', code: 'DATE_IN_FUTURE' },
    });
    expect(readRemovalEventDate('2017-03-01', opts)).toMatchObject({
      ok: false,
      error: { code: 'DATE_ORDER' },
    });
    expect(readRemovalEventDate('2025-02-30', opts)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_DATE' },
    });
  });
});
