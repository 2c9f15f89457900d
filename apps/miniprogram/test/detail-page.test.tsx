// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import DetailPage from '../src/pages/detail/index.tsx';
import { requests, taroMock } from './taro-mock.ts';

const ORG = {
  id: 'L02ORG',
  kind: 'org',
  name: '海南某某贸易有限公司',
  uscc: '91460000MA5T000017',
  legalRepresentative: '陈某',
  caseNo: '（2024）琼0105执321号',
  court: '海口市秀英区人民法院',
  filedAt: '2024-03-01',
  basisIssuer: '海口市秀英区人民法院',
  basisDocNo: '（2023）琼0105民初88号',
  obligation: '支付货款',
  performance: '部分未履行',
  category: 3,
  categoryLabel: '以虚假诉讼、虚假仲裁或者隐匿、转移财产等方法规避执行',
  amountOwedFen: 99_000_000,
  livelihood: false,
  region: '海口市',
  listedAt: '2024-06-01',
  termEndsAt: '2026-06-01',
  demo: true,
};

beforeEach(() => {
  taroMock.reset();
  taroMock.setRouterParams({ id: 'L02ORG' });
});
afterEach(cleanup);

describe('详情 page', () => {
  it('shows the organisation fields of art. 6, the demo mark, the consumption ban and the share card', async () => {
    taroMock.answer(() => ({ statusCode: 200, data: JSON.stringify(ORG) }));
    render(<DetailPage />);
    await screen.findByText('统一社会信用代码');
    expect(requests[0]!.url).toBe('/api/v1/listings/L02ORG');
    for (const text of [
      '91460000MA5T000017',
      '陈某',
      '（2024）琼0105执321号',
      '¥990,000.00',
      '至 2026-06-01',
    ]) {
      expect(screen.getByText(text)).toBeTruthy();
    }
    expect(screen.queryByText('身份证号码')).toBeNull(); // persons only
    expect(screen.getAllByText('演示数据').length).toBeGreaterThan(0);
    expect(screen.getByText(/9\. 乘坐G字头动车组列车/)).toBeTruthy();
    expect(screen.getByText(/\/api\/v1\/screens\/cards\/L02ORG\.png$/)).toBeTruthy();
    fireEvent.click(screen.getByText('举报线索'));
    // the tip page names the defaulter from these; the tip itself carries only the listing id
    expect(taroMock.navigations).toEqual([
      `/sub/tip/index?listingId=L02ORG&name=${encodeURIComponent('海南某某贸易有限公司')}&caseNo=${encodeURIComponent('（2024）琼0105执321号')}`,
    ]);
  });

  it('art. 6 ¶1 (一): shows an organisation without a credit code by its organisation code, and its 负责人 as such', async () => {
    const { uscc: _u, legalRepresentative: _r, ...rest } = ORG;
    const station = {
      ...rest,
      uscc: '',
      orgCode: 'D2143569X',
      legalRepresentative: '符站长',
      legalRepresentativeRole: '负责人',
    };
    taroMock.answer(() => ({ statusCode: 200, data: JSON.stringify(station) }));
    render(<DetailPage />);
    await screen.findByText('组织机构代码');
    expect(screen.getByText('D2143569-X')).toBeTruthy();
    expect(screen.getByText('负责人')).toBeTruthy();
    expect(screen.getByText('符站长')).toBeTruthy();
    expect(screen.queryByText('统一社会信用代码')).toBeNull();
  });

  it('says a removed listing is gone (410) and shows none of its fields', async () => {
    taroMock.answer(() => ({
      statusCode: 410,
      data: JSON.stringify({
        error: { code: 'LISTING_GONE', message: '该失信被执行人信息已依法删除，不再公布。' },
      }),
    }));
    render(<DetailPage />);
    await screen.findByText('该信息不存在或已依法删除。');
    expect(screen.queryByText('海南某某贸易有限公司')).toBeNull();
    expect(screen.queryByText('举报线索')).toBeNull();
  });

  it('switches to large type when the system font is large', async () => {
    taroMock.setFontSize(20);
    taroMock.answer(() => ({ statusCode: 200, data: JSON.stringify(ORG) }));
    const { container } = render(<DetailPage />);
    await screen.findByText('统一社会信用代码');
    expect(container.querySelector('.page.large')).not.toBeNull();
  });
});
