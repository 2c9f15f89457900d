// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import PrivacyPage from '../src/sub/privacy/index.tsx';
import TipPage from '../src/sub/tip/index.tsx';
import { emptyTipForm, tipTargetText, validateTip } from '../src/sub/tip/tip-form.ts';
import { requests, taroMock } from './taro-mock.ts';

const RECEIPT = { receipt: '7K3M-9QX2-AB12-CD34', submittedAt: '2026-11-29T12:00:00.000Z' };

/** Taro's Textarea is a web component; its React wrapper listens for `input` with `detail.value`. */
function describeWith(text: string) {
  const el = document.querySelector('taro-textarea-core');
  if (!el) throw new Error('no textarea');
  el.dispatchEvent(new CustomEvent('input', { detail: { value: text }, bubbles: true }));
}
const submitButton = () => screen.getByText(/提交举报|重试|正在提交/);

beforeEach(() => {
  taroMock.reset();
  taroMock.setRouterParams({ listingId: 'L01TEST' });
});
afterEach(cleanup);

describe('举报 form', () => {
  it('says what is missing and sends nothing', async () => {
    render(<TipPage />);
    fireEvent.click(submitButton());
    await screen.findByText('请选择线索类型：财产线索、下落线索、违反限制消费或其他。');
    expect(screen.getByText('请描述您看到的情况。')).toBeTruthy();
    expect(requests).toHaveLength(0);
    // choosing a kind takes its message away; the other stays until fixed
    fireEvent.click(screen.getByText('下落线索'));
    expect(screen.queryByText('请选择线索类型：财产线索、下落线索、违反限制消费或其他。')).toBeNull();
    expect(screen.getByText('请描述您看到的情况。')).toBeTruthy();
  });

  it('names the defaulter the detail page opened it for, and sends only the listing id', async () => {
    taroMock.setRouterParams({ listingId: 'L01TEST', name: '王建', caseNo: '（2026）琼9023执1065号' });
    taroMock.answer(() => ({ statusCode: 201, data: JSON.stringify(RECEIPT) }));
    render(<TipPage />);
    expect(screen.getByText('举报对象：王建，（2026）琼9023执1065号')).toBeTruthy();
    fireEvent.click(screen.getByText('下落线索'));
    describeWith('每天晚上八点在某小区出现');
    fireEvent.click(submitButton());
    await screen.findByText(RECEIPT.receipt);
    expect(JSON.parse(String(requests[0]!.data))).toEqual({
      listingId: 'L01TEST',
      kind: 'whereabouts',
      description: '每天晚上八点在某小区出现',
    });
  });

  it('opened without a listing, says how to find one and offers the search instead of a form', async () => {
    taroMock.setRouterParams({});
    render(<TipPage />);
    expect(screen.getByText('请先找到要举报的被执行人')).toBeTruthy();
    expect(screen.queryByText(/提交举报/)).toBeNull();
    fireEvent.click(screen.getByText('去查询'));
    await waitFor(() => expect(taroMock.navigations).toEqual(['/pages/search/index']));
    expect(requests).toHaveLength(0);
  });

  it('reads a name WeChat passed still URI-encoded', () => {
    expect(tipTargetText({ name: encodeURIComponent('海南锦锦置业有限公司') })).toBe(
      '举报对象：海南锦锦置业有限公司',
    );
    expect(tipTargetText({ listingId: 'L01TEST' })).toBe('');
  });

  it('names in the privacy notice the very buttons the form has (H5 build)', () => {
    render(<PrivacyPage />);
    const notice = document.body.textContent ?? '';
    const quoted = ['添加照片', '使用当前位置'];
    for (const name of quoted) expect(notice).toContain(`“${name}”`);
    cleanup();
    render(<TipPage />);
    for (const name of quoted) expect(screen.getByText(name)).toBeTruthy();
  });

  it('asks for a valid phone when the tipster leaves contact details', async () => {
    render(<TipPage />);
    fireEvent.click(screen.getByText('下落线索'));
    describeWith('每天晚上八点在某小区出现');
    fireEvent.click(screen.getByText('留下联系方式'));
    fireEvent.input(screen.getByPlaceholderText('姓名'), { target: { value: '李四' } });
    fireEvent.input(screen.getByPlaceholderText('联系电话'), { target: { value: '12345' } });
    fireEvent.click(submitButton());
    await screen.findByText('请填写有效的手机号或带区号的固定电话。');
    expect(requests).toHaveLength(0);
  });

  it('keeps the form after a network failure and retries with the same Idempotency-Key', async () => {
    let calls = 0;
    taroMock.answer(() => {
      calls += 1;
      if (calls === 1) throw new Error('request:fail timeout');
      return { statusCode: 201, data: JSON.stringify(RECEIPT) };
    });
    render(<TipPage />);
    fireEvent.click(screen.getByText('财产线索'));
    describeWith('名下有一辆白色轿车停在某停车场');
    fireEvent.click(submitButton());
    await screen.findByText('网络连接失败，线索尚未提交。请检查网络后点“重试”，不会重复提交。');
    fireEvent.click(screen.getByText('重试'));
    await screen.findByText(RECEIPT.receipt);
    expect(requests).toHaveLength(2);
    const [first, second] = requests;
    expect(first!.header['Idempotency-Key']).toMatch(/^mp-[0-9a-f]{32}$/);
    expect(second!.header['Idempotency-Key']).toBe(first!.header['Idempotency-Key']);
    expect(JSON.parse(String(second!.data))).toEqual({
      listingId: 'L01TEST',
      kind: 'asset',
      description: '名下有一辆白色轿车停在某停车场',
    });
  });

  it('shows the API refusal next to its field', async () => {
    taroMock.answer(() => ({
      statusCode: 404,
      data: JSON.stringify({
        error: { code: 'LISTING_NOT_FOUND', message: '该失信信息不存在或已删除。', field: 'listingId' },
      }),
    }));
    render(<TipPage />);
    fireEvent.click(screen.getByText('其他线索'));
    describeWith('其他情况');
    fireEvent.click(submitButton());
    await waitFor(() => expect(screen.getAllByText('该失信信息不存在或已删除。').length).toBeGreaterThan(0));
  });

  it('keeps the receipt on the device only when the tipster agrees', async () => {
    taroMock.answer(() => ({ statusCode: 201, data: JSON.stringify(RECEIPT) }));
    render(<TipPage />);
    fireEvent.click(screen.getByText('下落线索'));
    describeWith('在某地出现');
    fireEvent.click(submitButton());
    await screen.findByText(RECEIPT.receipt);
    expect(taroMock.storage.get('tipReceipts')).toBeUndefined();
    fireEvent.click(screen.getByText('同意在本机保存回执'));
    expect(taroMock.storage.get('tipReceipts')).toEqual([RECEIPT]);
  });
});

describe('validateTip', () => {
  const base = { ...emptyTipForm('L1'), kind: 'consumption' as const, description: '乘坐高铁一等座' };
  it('asks which consumption-ban item was broken', () => {
    expect(validateTip(base).consumptionItem).toBe('请选择被执行人违反的限制消费事项。');
    expect(validateTip({ ...base, consumptionItem: 9 })).toEqual({});
  });
  it('requires name and phone to claim a reward, even if anonymous was chosen', () => {
    const claim = { ...base, consumptionItem: 9, rewardNoticeId: 'R1', anonymous: true };
    expect(validateTip(claim)).toEqual({
      contactName: '申领悬赏须留下姓名，以便登记和发放悬赏金。',
      contactPhone: '申领悬赏须留下联系电话，以便登记和发放悬赏金。',
    });
  });
  it('refuses a time in the future and a description over 2,000 characters', () => {
    const now = new Date('2026-11-29T12:00:00+08:00');
    const errors = validateTip(
      { ...base, consumptionItem: 1, seenDate: '2026-11-30', description: '很'.repeat(2001) },
      now,
    );
    expect(errors.seenDate).toBe('发现时间不能晚于现在。');
    expect(errors.description).toBe('情况描述最多 2000 字。');
  });
});
