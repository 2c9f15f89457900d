// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import SearchPage from '../src/pages/search/index.tsx';
import { requests, taroMock } from './taro-mock.ts';

function listing(id: string, name: string, demo: boolean) {
  return {
    id,
    kind: 'person',
    name,
    gender: '男',
    age: 41,
    idNumberMasked: '4604001985****101X',
    caseNo: `（2025）琼9003执${id}号`,
    court: '儋州市人民法院',
    filedAt: '2025-07-18',
    basisIssuer: '儋州市人民法院',
    basisDocNo: '（2025）琼9003民初1号',
    obligation: '支付劳动报酬',
    performance: '全部未履行',
    category: 1,
    categoryLabel: '有履行能力而拒不履行生效法律文书确定义务',
    amountOwedFen: 1_234_500,
    livelihood: true,
    region: '儋州市',
    listedAt: '2025-08-01',
    termEndsAt: null,
    demo,
  };
}

const page = (total: number, pageNo: number, hits: unknown[], representativeMatches: string[] = []) =>
  JSON.stringify({
    hits,
    total,
    page: pageNo,
    pageSize: 20,
    facets: { category: {}, region: {}, kind: {}, court: {} },
    representativeMatches,
  });

const input = () => screen.getByPlaceholderText('姓名 / 单位名称 / 身份证号 / 案号') as HTMLInputElement;
const type = (text: string) => fireEvent.input(input(), { target: { value: text } });

beforeEach(() => taroMock.reset());
afterEach(cleanup);

describe('查询 page', () => {
  it('asks nothing before anything is typed', async () => {
    render(<SearchPage />);
    await new Promise((r) => setTimeout(r, 400));
    expect(requests).toHaveLength(0);
  });

  it('searches as you type with the site parameters and marks demo data', async () => {
    taroMock.answer(() => ({ statusCode: 200, data: page(45, 1, [listing('A1', '王演示', true)]) }));
    render(<SearchPage />);
    type('王');
    await screen.findByText('王演示');
    const url = new URL(requests.at(-1)!.url, 'http://x');
    expect(url.pathname).toBe('/api/v1/search');
    expect(Object.fromEntries(url.searchParams)).toEqual({ q: '王', pageSize: '20' });
    expect(screen.getByText('找到 45 条记录，第 1 页，共 3 页。')).toBeTruthy();
    expect(screen.getAllByText('演示数据').length).toBeGreaterThan(0);
    expect(screen.getByText('¥12,345.00')).toBeTruthy();
  });

  it('only shows the answer to the latest query when typing fast', async () => {
    taroMock.answer((req) => {
      const q = new URL(req.url, 'http://x').searchParams.get('q');
      return { statusCode: 200, data: page(1, 1, [listing('B1', `${q}某`, false)]) };
    });
    render(<SearchPage />);
    type('王');
    type('王小');
    await screen.findByText('王小某');
    expect(requests).toHaveLength(1); // the debounce sent one request, for the last text
  });

  it('pages forward and filters by 涉民生', async () => {
    taroMock.answer((req) => {
      const p = Number(new URL(req.url, 'http://x').searchParams.get('page') ?? '1');
      return { statusCode: 200, data: page(45, p, [listing(`P${p}`, `第${p}页的人`, false)]) };
    });
    render(<SearchPage />);
    type('王');
    await screen.findByText('第1页的人');
    fireEvent.click(screen.getByText('下一页'));
    await screen.findByText('第2页的人');
    expect(new URL(requests.at(-1)!.url, 'http://x').searchParams.get('page')).toBe('2');
    fireEvent.click(screen.getByText('涉民生案件'));
    await waitFor(() =>
      expect(new URL(requests.at(-1)!.url, 'http://x').searchParams.get('livelihood')).toBe('true'),
    );
    // a new filter starts again at page 1
    expect(new URL(requests.at(-1)!.url, 'http://x').searchParams.get('page')).toBeNull();
  });

  it('says when the server asks to wait, keeps the results, and retries on request', async () => {
    let calls = 0;
    taroMock.answer(() => {
      calls += 1;
      if (calls === 2) {
        return {
          statusCode: 429,
          header: { 'Retry-After': '7' },
          data: JSON.stringify({ error: { code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试。' } }),
        };
      }
      return { statusCode: 200, data: page(1, 1, [listing('C1', '王某某', false)]) };
    });
    render(<SearchPage />);
    type('王');
    await screen.findByText('王某某');
    type('王某');
    await screen.findByText('查询的人较多，请 7 秒后再试。');
    expect(screen.getByText('王某某')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    await waitFor(() => expect(screen.queryByText('查询的人较多，请 7 秒后再试。')).toBeNull());
  });

  it('shows the API error message for a refused query', async () => {
    taroMock.answer(() => ({
      statusCode: 400,
      data: JSON.stringify({
        error: { code: 'VALIDATION_FAILED', message: '查询内容不能超过 100 个字符。', field: 'q' },
      }),
    }));
    render(<SearchPage />);
    type('王');
    await screen.findByText('查询内容不能超过 100 个字符。');
  });

  it('says when a company matched only through its legal representative', async () => {
    const org = {
      ...listing('E1', '海南某某贸易有限公司', false),
      kind: 'org',
      idNumberMasked: undefined,
      gender: undefined,
      age: undefined,
      uscc: '91460000MA5T000017',
      legalRepresentative: '王某',
    };
    taroMock.answer(() => ({ statusCode: 200, data: page(1, 1, [org], ['E1']) }));
    render(<SearchPage />);
    type('王某');
    await screen.findByText('海南某某贸易有限公司');
    expect(screen.getByText('命中：法定代表人')).toBeTruthy();
    expect(screen.getByText('法定代表人：王某')).toBeTruthy();
  });

  it('art. 6 ¶1 (一): a hit for an organisation without a credit code shows its organisation code and its 负责人', async () => {
    const org = {
      ...listing('E2', '某某县农资经营部', false),
      kind: 'org',
      idNumberMasked: undefined,
      gender: undefined,
      age: undefined,
      uscc: '',
      orgCode: 'D2143569X',
      legalRepresentative: '李某',
      legalRepresentativeRole: '负责人',
    };
    taroMock.answer(() => ({ statusCode: 200, data: page(1, 1, [org]) }));
    render(<SearchPage />);
    type('农资');
    await screen.findByText('某某县农资经营部');
    expect(screen.getByText('D2143569-X')).toBeTruthy();
    expect(screen.getByText('负责人：李某')).toBeTruthy();
  });

  it('opens the detail page of a tapped result', async () => {
    taroMock.answer(() => ({ statusCode: 200, data: page(1, 1, [listing('D1', '王详情', false)]) }));
    render(<SearchPage />);
    type('王');
    fireEvent.click(await screen.findByText('王详情'));
    expect(taroMock.navigations).toEqual(['/pages/detail/index?id=D1']);
  });
});
