import { parseIdNumber, parseUscc } from '@portal/domain';
import { expect, test } from 'vitest';
import { daysFromIso, isoFromDays } from './days.ts';
import { idNumberFor, orgCodeCheckChar, usccFor } from './identity-codes.ts';
import { Rng } from './prng.ts';

test('organisation code check digit follows GB 11714 (D2143569-X)', () => {
  expect(orgCodeCheckChar('D2143569')).toBe('X');
});

test('generated ID numbers carry the birth date, gender and a valid check digit', () => {
  const rng = new Rng(1);
  for (let i = 0; i < 500; i++) {
    const gender = i % 2 ? '男' : '女';
    const id = idNumberFor(rng, '469003', '1988-02-29', gender);
    expect(parseIdNumber(id)).toMatchObject({
      ok: true,
      birthDate: '1988-02-29',
      gender,
      regionCode: '469003',
    });
  }
});

test('generated credit codes pass the MOD 31 check and embed a valid organisation code', () => {
  const rng = new Rng(2);
  for (let i = 0; i < 500; i++) {
    const code = usccFor(rng, '460100', i % 5 ? '1' : '3');
    expect(parseUscc(code).ok).toBe(true);
    expect(code.slice(2, 8)).toBe('460100');
    expect(orgCodeCheckChar(code.slice(8, 16))).toBe(code[16]);
  }
});

test('day numbers round-trip through ISO dates across leap years', () => {
  for (const iso of ['1970-01-01', '1900-03-01', '2000-02-29', '2024-12-31', '2026-11-27']) {
    expect(isoFromDays(daysFromIso(iso))).toBe(iso);
  }
  expect(daysFromIso('2000-03-01') - daysFromIso('2000-02-28')).toBe(2);
  expect(isoFromDays(0)).toBe(new Date(0).toISOString().slice(0, 10));
});

test('the PRNG is deterministic and stays within the requested bounds', () => {
  const a = new Rng(99);
  const b = new Rng(99);
  const draws = Array.from({ length: 1000 }, () => a.int(3, 7));
  expect(draws).toEqual(Array.from({ length: 1000 }, () => b.int(3, 7)));
  expect(Math.min(...draws)).toBe(3);
  expect(Math.max(...draws)).toBe(7);
});
