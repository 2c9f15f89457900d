import { describe, expect, it } from 'vitest';
import { normalizeCaseNoFragment, parseCaseNo } from './case-number.ts';

describe('parseCaseNo', () => {
  it('parses a half-width case number into its canonical full-width form and parts', () => {
    expect(parseCaseNo('(2017)琼9003执1234号')).toEqual({
      ok: true,
      value: '（2017）琼9003执1234号',
      year: 2017,
      courtCode: '琼9003',
      typeCode: '执',
      seq: 1234,
    });
  });

  it.each([
    ['（2017）琼9003执恢12号', '（2017）琼9003执恢12号'],
    ['〔2017〕琼9003执恢12号', '（2017）琼9003执恢12号'],
    ['[2017]琼9003执保3号', '（2017）琼9003执保3号'],
    ['【2017】琼9003执异3号', '（2017）琼9003执异3号'],
    [' ( 2017 ) 琼9003 执 1234 号 ', '（2017）琼9003执1234号'],
    ['（２０１７）琼９００３执１２３４号', '（2017）琼9003执1234号'],
    ['(2017)琼9003执1234', '（2017）琼9003执1234号'],
    ['(2019)最高法执复12号', '（2019）最高法执复12号'],
    ['(2019)琼执复7号', '（2019）琼执复7号'],
    ['(2016)琼96民初100号', '（2016）琼96民初100号'],
    ['(2018)京0105刑初88号', '（2018）京0105刑初88号'],
  ])('normalises %s', (raw, canonical) => {
    const r = parseCaseNo(raw);
    expect(r.ok && r.value).toBe(canonical);
  });

  it('splits court code and type code of an enforcement-restoration case', () => {
    expect(parseCaseNo('（2017）琼9003执恢12号')).toMatchObject({
      courtCode: '琼9003',
      typeCode: '执恢',
      seq: 12,
    });
  });

  it.each([
    '2017琼9003执1234号',
    '(17)琼9003执1234号',
    '(2017)9003执1234号',
    '(2017)琼9003执号',
    '（2017）琼9003执0号',
    '',
  ])('rejects %s', (raw) => {
    expect(parseCaseNo(raw).ok).toBe(false);
  });
});

describe('normalizeCaseNoFragment', () => {
  const canonical = '（2017）琼9003执1234号';

  it.each(['执1234', '(2017)琼9003', '（2017）琼9003', '〔2017〕琼9003', '( 2017 )', '执１２３４'])(
    'makes %s a substring of the canonical case number',
    (q) => {
      expect(canonical.includes(normalizeCaseNoFragment(q))).toBe(true);
    },
  );
});
