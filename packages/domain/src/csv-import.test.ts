import { describe, expect, it } from 'vitest';
import { ADULT_ID, ORG_USCC } from '../test/drafts.ts';
import { makeId } from '../test/fixtures.ts';
import { encodeGbk } from '../test/gbk.ts';
import { parseListingCsv } from './csv-import.ts';

const today = '2025-06-01';
const utf8 = (s: string) => new TextEncoder().encode(s);
const BOM = [0xef, 0xbb, 0xbf];

const EN_HEADER =
  'kind,name,idNumber,uscc,legalRepresentative,caseNo,court,filedAt,basisIssuer,basisDocNo,obligation,performance,category,amountOwedFen,livelihood,region';
const enRow = (over: Partial<Record<string, string>> = {}) => {
  const v = {
    kind: 'person',
    name: '张三',
    idNumber: ADULT_ID,
    uscc: '',
    legalRepresentative: '',
    caseNo: '(2017)琼9003执1234号',
    court: '陵水县人民法院',
    filedAt: '2017-03-02',
    basisIssuer: '陵水县人民法院',
    basisDocNo: '(2016)琼9028民初456号',
    obligation: '偿还借款',
    performance: '全部未履行',
    category: '1',
    amountOwedFen: '100000',
    livelihood: 'false',
    region: '海南省',
    ...over,
  };
  return Object.values(v).join(',');
};

const ZH_HEADER =
  '被执行人姓名/名称,身份证号码/组织机构代码,法定代表人,案号,执行法院,立案日期,执行依据制作单位,执行依据文号,生效法律文书确定的义务,被执行人的履行情况,失信被执行人具体情形,未履行金额（元）,涉民生案件,省份';
const zhPerson = `张三,${ADULT_ID},,(2017)琼9003执1234号,陵水县人民法院,2017/3/2,陵水县人民法院,(2016)琼9028民初456号,偿还借款,全部未履行,违反财产报告制度,"1,000.50",否,海南省`;

describe('parseListingCsv: encodings and layout', () => {
  it('reads UTF-8 with a BOM and English field names', () => {
    const r = parseListingCsv(new Uint8Array([...BOM, ...utf8(`${EN_HEADER}\r\n${enRow()}\r\n`)]), { today });
    expect(r.rejected).toEqual([]);
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({
      row: 2,
      draft: { name: '张三', caseNo: '（2017）琼9003执1234号', amountOwedFen: 100000 },
    });
    expect(r.encoding).toBe('utf-8');
  });

  it('reads a GBK file from Chinese Excel with Chinese headers, yuan amounts and loose dates', () => {
    const bytes = encodeGbk(`${ZH_HEADER}\r\n${zhPerson}\r\n`);
    expect(new TextDecoder('gb18030').decode(bytes)).toBe(`${ZH_HEADER}\r\n${zhPerson}\r\n`);
    const r = parseListingCsv(bytes, { today });
    expect(r.encoding).toBe('gb18030');
    expect(r.rejected).toEqual([]);
    expect(r.rows[0]!.draft).toMatchObject({
      kind: 'person',
      name: '张三',
      filedAt: '2017-03-02',
      category: 4,
      amountOwedFen: 100050,
      livelihood: false,
      region: '海南省',
    });
  });

  it('routes the combined ID/code column to the credit code for an organisation', () => {
    const row = `某某有限公司,${ORG_USCC},李四,(2017)琼9003执1234号,陵水县人民法院,2017年3月2日,陵水县人民法院,(2016)琼9028民初456号,偿还借款,全部未履行,3,0,是,海南省`;
    const r = parseListingCsv(utf8(`${ZH_HEADER}\n${row}\n`), { today });
    expect(r.rejected).toEqual([]);
    expect(r.rows[0]!.draft).toMatchObject({
      kind: 'org',
      uscc: ORG_USCC,
      legalRepresentative: '李四',
      livelihood: true,
    });
  });

  it('keeps a quoted field with commas, quotes and a line break in one spreadsheet row', () => {
    const obligation = '"偿还借款100,000元，并支付""逾期利息""\n（见判决书第二项）"';
    const text = `${EN_HEADER}\n${enRow({ obligation })}\n${enRow({ idNumber: '123' })}\n`;
    const r = parseListingCsv(utf8(text), { today });
    expect(r.rows[0]!.draft.obligation).toBe('偿还借款100,000元，并支付"逾期利息"\n（见判决书第二项）');
    expect(r.rejected).toEqual([
      expect.objectContaining({ row: 3, field: 'idNumber', code: 'INVALID_ID_NUMBER' }),
    ]);
  });

  it('reads a tab-separated UTF-16 file (Excel “Unicode 文本”)', () => {
    const text = `${EN_HEADER}\n${enRow()}\n`.replace(/,/g, '\t');
    const units = [0xfeff, ...[...text].map((c) => c.charCodeAt(0))];
    const bytes = new Uint8Array(new Uint16Array(units).buffer);
    const r = parseListingCsv(bytes, { today });
    expect(r.encoding).toBe('utf-16le');
    expect(r.rows).toHaveLength(1);
  });

  it('ignores blank trailing rows, including rows of empty cells', () => {
    const r = parseListingCsv(utf8(`${EN_HEADER}\n${enRow()}\n,,,,,\n\n\n`), { today });
    expect(r.rows).toHaveLength(1);
    expect(r.rejected).toEqual([]);
  });
});

describe('parseListingCsv: rows and rejections', () => {
  it('rejects bad rows with their spreadsheet row numbers and keeps the good ones', () => {
    const minor = makeId('460103', '20100101');
    const text = [
      EN_HEADER,
      enRow(),
      enRow({ idNumber: `${ADULT_ID.slice(0, 17)}${ADULT_ID[17] === '0' ? '1' : '0'}` }),
      '',
      enRow({ idNumber: minor, caseNo: '(2017)琼9003执99号' }),
      enRow({ caseNo: '(2017)琼9003执7号', category: '7', amountOwedFen: '-5' }),
      enRow({ caseNo: '(2017)琼9003执8号' }),
    ].join('\r\n');
    const r = parseListingCsv(utf8(text), { today });
    expect(r.rows.map((x) => x.row)).toEqual([2, 7]);
    expect(r.rejected.map((x) => [x.row, x.field, x.code])).toEqual([
      [3, 'idNumber', 'ID_NUMBER_CHECKSUM'],
      [5, 'idNumber', 'MINOR_NOT_LISTABLE'],
      [6, 'category', 'INVALID_CATEGORY'],
      [6, 'amountOwedFen', 'INVALID_AMOUNT'],
    ]);
  });

  it('tells staff to format the column as text when Excel wrote the ID in scientific notation', () => {
    const r = parseListingCsv(utf8(`${EN_HEADER}\n${enRow({ idNumber: '4.60103E+17' })}`), { today });
    expect(r.rejected).toEqual([
      expect.objectContaining({ row: 2, code: 'ID_NUMBER_EXCEL_MANGLED', field: 'idNumber' }),
    ]);
    expect(r.rejected[0]!.message).toContain('文本');
  });

  it('rejects a second row for the same case and defaulter', () => {
    const r = parseListingCsv(
      utf8(`${EN_HEADER}\n${enRow()}\n${enRow({ caseNo: '（2017）琼9003执1234号' })}`),
      { today },
    );
    expect(r.rows).toHaveLength(1);
    expect(r.rejected).toEqual([expect.objectContaining({ row: 3, code: 'CSV_DUPLICATE_ROW' })]);
  });

  it('rejects a yuan amount with three decimals on the amount field', () => {
    const row = zhPerson.replace('"1,000.50"', '1.234');
    const r = parseListingCsv(utf8(`${ZH_HEADER}\n${row}`), { today });
    expect(r.rejected).toEqual([
      expect.objectContaining({ row: 2, field: 'amountOwedFen', code: 'INVALID_AMOUNT' }),
    ]);
  });

  it('reports an unclosed quote at the row where it starts, after importing the rows before', () => {
    const r = parseListingCsv(utf8(`${EN_HEADER}\n${enRow()}\n${enRow({ name: '"张三' })}\n${enRow()}`), {
      today,
    });
    expect(r.rows).toHaveLength(1);
    expect(r.rejected).toEqual([expect.objectContaining({ row: 3, code: 'CSV_MALFORMED' })]);
  });
});

describe('parseListingCsv: headers', () => {
  it('rejects the file on row 1 naming every missing required column', () => {
    const r = parseListingCsv(utf8('姓名,身份证号码,案号\n张三,1,2'), { today });
    expect(r.rows).toEqual([]);
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0]).toMatchObject({ row: 1, code: 'CSV_MISSING_COLUMN' });
    expect(r.rejected[0]!.message).toContain('执行法院');
    expect(r.rejected[0]!.message).toContain('未履行金额（元）');
  });

  it('ignores unknown headers and lists them', () => {
    const r = parseListingCsv(utf8(`${EN_HEADER},备注,年龄\n${enRow()},无,45`), { today });
    expect(r.rows).toHaveLength(1);
    expect(r.ignoredHeaders).toEqual(['备注']);
  });

  it('rejects two columns for the same field', () => {
    const r = parseListingCsv(utf8(`${EN_HEADER},未履行金额（元）\n${enRow()},1000`), { today });
    expect(r.rejected).toEqual([expect.objectContaining({ row: 1, code: 'CSV_DUPLICATE_COLUMN' })]);
  });

  it('rejects an empty file', () => {
    expect(parseListingCsv(new Uint8Array(BOM), { today }).rejected).toEqual([
      expect.objectContaining({ row: 1, code: 'CSV_EMPTY' }),
    ]);
  });

  it('refuses an empty file as a whole with CSV_EMPTY and a zh-CN message (issue 14 item 13)', () => {
    for (const bytes of [
      new Uint8Array(),
      new Uint8Array(BOM),
      utf8('\r\n\r\n'),
      new Uint8Array([0xff, 0xfe]),
    ]) {
      const r = parseListingCsv(bytes, { today });
      expect(r.fileError).toEqual({ code: 'CSV_EMPTY', message: '文件为空，请至少包含表头和一行数据。' });
      expect(r.rows).toEqual([]);
    }
  });

  it('refuses a header without data rows (blank or separator-only lines do not count) with CSV_NO_ROWS', () => {
    for (const text of [`${EN_HEADER}\r\n`, `${EN_HEADER}`, `${EN_HEADER}\n\n,,,\n`]) {
      const r = parseListingCsv(utf8(text), { today });
      expect(r.fileError?.code).toBe('CSV_NO_ROWS');
      expect(r.rejected).toEqual([{ row: 1, code: 'CSV_NO_ROWS', message: r.fileError!.message }]);
    }
  });

  it('names a blank first line instead of reporting missing columns', () => {
    const r = parseListingCsv(utf8(`\n${EN_HEADER}\n${enRow()}\n`), { today });
    expect(r.fileError).toMatchObject({ code: 'CSV_EMPTY' });
    expect(r.fileError!.message).toContain('第一行是空行');
  });

  it('reports a quote that never closes right after the header on its row, not as an empty file', () => {
    const r = parseListingCsv(utf8(`${EN_HEADER}\n"张三,1\n`), { today });
    expect(r.rejected).toEqual([expect.objectContaining({ row: 2, code: 'CSV_MALFORMED' })]);
    expect(r.fileError).toBeUndefined();
  });

  it('marks missing columns as a file error too', () => {
    expect(parseListingCsv(utf8('name\n张三\n'), { today }).fileError?.code).toBe('CSV_MISSING_COLUMN');
  });
});

describe('parseListingCsv: 法释〔2017〕7号 art. 6 ¶1 (一) organisation codes and old case numbers in spreadsheets', () => {
  const orgRow = (code: string, caseNo = '(2015)琼01执字第345号', filed = '2015/3/2') =>
    `某某贸易公司,${code},王五,${caseNo},海口市中级人民法院,${filed},海口市中级人民法院,(2014)海中法民初字第9号,偿还货款,全部未履行,违反财产报告制度,"2,000.00",否,海南省`;

  it('art. 6 ¶1 (一): routes a 9-character organisation code in the combined column to orgCode, with a pre-2016 case number', () => {
    const { rows, rejected } = parseListingCsv(utf8(`${ZH_HEADER}\n${orgRow('D2143569-X')}\n`), { today });
    expect(rejected).toEqual([]);
    expect(rows[0]!.draft).toMatchObject({
      kind: 'org',
      orgCode: 'D2143569X',
      caseNo: '（2015）琼01执字第345号',
      legalRepresentativeRole: '法定代表人',
    });
  });

  it('art. 6 ¶1 (一): still routes an 18-character credit code in the same column to uscc', () => {
    const { rows } = parseListingCsv(
      utf8(`${ZH_HEADER}\n${orgRow(ORG_USCC, '(2017)琼9003执1234号', '2017/3/2')}\n`),
      {
        today,
      },
    );
    expect(rows[0]!.draft).toMatchObject({ kind: 'org', uscc: ORG_USCC });
  });

  it('reports a bad organisation-code check character on its row and field', () => {
    const { rows, rejected } = parseListingCsv(utf8(`${ZH_HEADER}\n${orgRow('D2143569-1')}\n`), { today });
    expect(rows).toEqual([]);
    expect(rejected).toEqual([
      {
        row: 2,
        code: 'ORG_CODE_CHECKSUM',
        field: 'orgCode',
        message: '组织机构代码校验码不正确，请逐位核对。',
      },
    ]);
  });
});

describe('parseListingCsv: 法释〔2017〕7号 art. 5 dates in spreadsheets', () => {
  it('art. 5: a row without a listing date is marked so that it gets the publication date, not the import date', () => {
    const { rows } = parseListingCsv(utf8(`${EN_HEADER}\n${enRow()}\n`), { today });
    expect(rows[0]!.draft).toMatchObject({ listedAt: today, listedAtGiven: false });
  });

  it('art. 5: reads the decision date in the forms Excel exports', () => {
    const csv = `${EN_HEADER},决定日期,决定书文号\n${enRow()},2017年7月10日,（2017）琼9003执1234号\n`;
    const { rows, rejected } = parseListingCsv(utf8(csv), { today });
    expect(rejected).toEqual([]);
    expect(rows[0]!.draft).toMatchObject({
      decisionDate: '2017-07-10',
      decisionDocNo: '（2017）琼9003执1234号',
    });
  });
});
