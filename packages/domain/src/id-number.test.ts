import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeId } from '../test/fixtures.ts';
import { convertIdNumber15To18, idNumberCheckChar, maskIdNumber, parseIdNumber } from './id-number.ts';

const today = '2025-06-01';

describe('parseIdNumber', () => {
  it('accepts the GB 11643 example with an X check character', () => {
    expect(parseIdNumber('11010519491231002X', { today })).toEqual({
      ok: true,
      value: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: '女',
      regionCode: '110105',
    });
  });

  it('accepts a lowercase x check digit and normalises it to X', () => {
    const r = parseIdNumber('11010519491231002x', { today });
    expect(r.ok && r.value).toBe('11010519491231002X');
  });

  it('trims, removes inner spaces and converts full-width digits', () => {
    const r = parseIdNumber(' １１０１０５ 19491231 002X ', { today });
    expect(r.ok && r.value).toBe('11010519491231002X');
  });

  it('derives male from an odd 17th digit', () => {
    const r = parseIdNumber(makeId('460103', '19800101', '123'), { today });
    expect(r.ok && r.gender).toBe('男');
  });

  it('rejects a wrong check digit', () => {
    expect(parseIdNumber('110105194912310021', { today })).toMatchObject({
      ok: false,
      code: 'ID_NUMBER_CHECKSUM',
    });
  });

  it('rejects wrong lengths and letters inside', () => {
    for (const raw of ['11010519491231002', '1101051949123100211', '1101051949A231002X', '11010549123100X']) {
      expect(parseIdNumber(raw, { today })).toMatchObject({ ok: false, code: 'INVALID_ID_NUMBER' });
    }
  });

  it('reports an empty value as required', () => {
    expect(parseIdNumber('  ', { today })).toMatchObject({ ok: false, code: 'REQUIRED' });
  });

  it('accepts 29 February in a leap year', () => {
    const r = parseIdNumber(makeId('460103', '20000229'), { today });
    expect(r.ok && r.birthDate).toBe('2000-02-29');
  });

  it('rejects 29 February in a common year, including 1900', () => {
    for (const birth of ['20010229', '19000229']) {
      expect(parseIdNumber(makeId('460103', birth), { today })).toMatchObject({
        ok: false,
        code: 'ID_NUMBER_BIRTH_DATE',
      });
    }
  });

  it('rejects impossible months and days', () => {
    for (const birth of ['19801301', '19800431', '19800100']) {
      expect(parseIdNumber(makeId('460103', birth), { today })).toMatchObject({
        ok: false,
        code: 'ID_NUMBER_BIRTH_DATE',
      });
    }
  });

  it('rejects a birth date in the future but accepts one born today', () => {
    expect(parseIdNumber(makeId('460103', '20250602'), { today })).toMatchObject({
      ok: false,
      code: 'ID_NUMBER_BIRTH_DATE',
    });
    expect(parseIdNumber(makeId('460103', '20250601'), { today }).ok).toBe(true);
  });

  it('rejects a birth date before 1900', () => {
    expect(parseIdNumber(makeId('460103', '18991231'), { today })).toMatchObject({
      ok: false,
      code: 'ID_NUMBER_BIRTH_DATE',
    });
  });

  it('explains an ID that Excel turned into scientific notation', () => {
    expect(parseIdNumber('4.60103E+17', { today })).toMatchObject({
      ok: false,
      code: 'ID_NUMBER_EXCEL_MANGLED',
    });
  });
});

describe('idNumberCheckChar (property)', () => {
  const digits17 = fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: 17, maxLength: 17 })
    .map((a) => a.join(''));

  it('appending the check char always passes the checksum, changing any one digit always fails it', () => {
    fc.assert(
      fc.property(
        digits17,
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 9 }),
        (d, pos, delta) => {
          const id = d + idNumberCheckChar(d);
          const r = parseIdNumber(id, { today });
          if (!r.ok) expect(r.code).not.toBe('ID_NUMBER_CHECKSUM');
          const changed = `${d.slice(0, pos)}${(Number(d[pos]) + delta) % 10}${d.slice(pos + 1)}${id[17]}`;
          expect(parseIdNumber(changed, { today })).toMatchObject({ ok: false });
          expect(idNumberCheckChar(changed.slice(0, 17))).not.toBe(id[17]);
        },
      ),
    );
  });
});

describe('maskIdNumber', () => {
  it('masks the birth month and day like the national database', () => {
    expect(maskIdNumber('460103198001011234')).toBe('4601031980****1234');
  });

  it('masks a malformed value completely instead of leaking it', () => {
    expect(maskIdNumber('46010319800101')).toBe('******************');
  });

  it('keeps length 18, the first 10 and last 4 characters, and hides the month-day (property)', () => {
    const validId = fc
      .record({
        region: fc.integer({ min: 110000, max: 659999 }),
        birth: fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2025-06-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        seq: fc.integer({ min: 0, max: 999 }),
      })
      .map(({ region, birth, seq }) =>
        makeId(
          String(region),
          birth.toISOString().slice(0, 10).replace(/-/g, ''),
          String(seq).padStart(3, '0'),
        ),
      );
    fc.assert(
      fc.property(validId, (id) => {
        const masked = maskIdNumber(id);
        expect(masked).toHaveLength(18);
        expect(masked.slice(0, 10)).toBe(id.slice(0, 10));
        expect(masked.slice(-4)).toBe(id.slice(-4));
        expect(masked.slice(10, 14)).toBe('****');
        // The month-day may occur by chance elsewhere (region 110101 + born 01-01), so the
        // property is: nothing in the mask depends on it except the (kept) check character.
        const otherDay = `${id.slice(0, 10)}1231${id.slice(14)}`;
        expect(maskIdNumber(otherDay).slice(0, 17)).toBe(masked.slice(0, 17));
      }),
    );
  });
});

describe('法释〔2017〕7号 art. 6 ¶1 (二): the ID number of a listed person, 15-digit numbers and province codes', () => {
  it('art. 6 ¶1 (二): converts a 15-digit first-generation number to 18 digits (19 inserted, check character computed)', () => {
    // GB 11643's example 11010519491231002X was issued as 110105491231002 under the old scheme
    expect(parseIdNumber('110105491231002', { today })).toEqual({
      ok: true,
      value: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: '女',
      regionCode: '110105',
      convertedFrom15: true,
    });
    expect(convertIdNumber15To18('460103800101123')).toBe(makeId('460103', '19800101', '123'));
  });

  it('art. 6 ¶1 (二): a 15-digit number with an impossible birth date is still refused after conversion', () => {
    expect(parseIdNumber('110105490230002', { today })).toMatchObject({
      ok: false,
      code: 'ID_NUMBER_BIRTH_DATE',
    });
  });

  it('art. 6 ¶1 (二): refuses a province code that GB/T 2260 does not have, naming the two digits', () => {
    for (const province of ['00', '10', '19', '24', '99']) {
      const r = parseIdNumber(makeId(`${province}0103`, '19800101'), { today });
      expect(r).toMatchObject({ ok: false, code: 'ID_NUMBER_REGION' });
      expect(!r.ok && r.message).toContain(`“${province}”`);
    }
  });

  it('art. 6 ¶1 (二): keeps numbers issued under county codes that no longer exist (only the province is checked)', () => {
    // 460003 and 469001 were Hainan county codes before later re-divisions; 110103 (崇文区) merged in 2010
    for (const region of ['460003', '469001', '110103']) {
      expect(parseIdNumber(makeId(region, '19800101'), { today }).ok).toBe(true);
    }
  });

  it('art. 6 ¶1 (二): accepts residence permits of Hong Kong, Macao and Taiwan residents (81, 82, 83)', () => {
    for (const region of ['810000', '820000', '830000'])
      expect(parseIdNumber(makeId(region, '19800101'), { today }).ok).toBe(true);
  });

  it('refuses 15 digits with a letter and 16 or 17 digits as malformed', () => {
    for (const raw of ['11010549123100X', '1101054912310021', '11010519491231002']) {
      expect(parseIdNumber(raw, { today })).toMatchObject({ ok: false, code: 'INVALID_ID_NUMBER' });
    }
  });
});
