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
      style: '2016',
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

describe('《关于人民法院案件案号的若干规定》(2016) art. 3: numbers filed before the rules keep the old 字第 form', () => {
  it.each([
    ['（2014）海中法执字第12号', '（2014）海中法执字第12号', '海中法', '执', 12],
    ['(2015)琼01执字第345号', '（2015）琼01执字第345号', '琼01', '执', 345],
    ['〔2013〕京一中法执恢字第 7 号', '（2013）京一中法执恢字第7号', '京一中法', '执恢', 7],
    ['(2012)浦执字第１２３４', '（2012）浦执字第1234号', '浦', '执', 1234],
  ])('accepts %s with normalised brackets', (raw, canonical, courtCode, typeCode, seq) => {
    expect(parseCaseNo(raw)).toEqual({
      ok: true,
      value: canonical,
      year: Number(canonical.slice(1, 5)),
      courtCode,
      typeCode,
      seq,
      style: 'pre2016',
    });
  });

  it('rejects the old 字第 form for a case filed in 2016 or later, naming the new form', () => {
    const r = parseCaseNo('(2016)海中法执字第12号');
    expect(r).toMatchObject({ ok: false, code: 'INVALID_CASE_NO' });
    expect(!r.ok && r.message).toContain('不再使用“字第”');
  });

  it('rejects an old number without a sequence', () => {
    expect(parseCaseNo('(2014)海中法执字第号').ok).toBe(false);
    expect(parseCaseNo('(2014)海中法执字第0号').ok).toBe(false);
  });

  it('keeps an old number findable by the fragments people type (执字第12, 海中法)', () => {
    const r = parseCaseNo('(2014)海中法执字第12号');
    const canonical = r.ok ? r.value : '';
    for (const q of ['执字第12', '海中法执字', '(2014)海中法', '执字第１２'])
      expect(canonical.includes(normalizeCaseNoFragment(q))).toBe(true);
  });
});
