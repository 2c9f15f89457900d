// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { wgs84ToGcj02 } from '../src/lib/gcj02.ts';
import TipPage from '../src/sub/tip/index.tsx';
import { PhotoUploadError, uploadPhotos } from '../src/sub/tip/photo-uploads.ts';
import { subscribeToTipUpdates, tipTemplateId } from '../src/sub/tip/subscribe.ts';
import { requests, taroMock, uploads } from './taro-mock.ts';

const RECEIPT = { receipt: '7K3M-9QX2-AB12-CD34', submittedAt: '2026-11-29T12:00:00.000Z' };
const uploadAnswer = (photoId: string) => ({
  statusCode: 201,
  data: JSON.stringify({
    photoId,
    expiresAt: '2026-11-29T14:00:00.000Z',
    bytes: 1000,
    width: 64,
    height: 48,
  }),
});
const id = (n: number) => `up_${String(n).repeat(22)}`;

function describeWith(text: string) {
  const el = document.querySelector('taro-textarea-core');
  if (!el) throw new Error('no textarea');
  el.dispatchEvent(new CustomEvent('input', { detail: { value: text }, bubbles: true }));
}
const submitButton = () => screen.getByText(/提交举报|重试|正在提交/);

function fillForm() {
  fireEvent.click(screen.getByText('财产线索'));
  describeWith('名下一辆白色轿车常停在某小区');
}

beforeEach(() => {
  taroMock.reset();
  taroMock.setRouterParams({ listingId: 'L01TEST' });
  taroMock.storage.set('privacyAgreed', 'yes');
});
afterEach(() => {
  cleanup();
  Reflect.deleteProperty(navigator, 'geolocation');
});

describe('举报 photos, one upload each', () => {
  it('uploads each photo with its progress, retries only the one that failed, then names both in the tip', async () => {
    taroMock.chooseMedia([
      { tempFilePath: 'blob:one', size: 1000 },
      { tempFilePath: 'blob:two', size: 2000 },
    ]);
    let secondTries = 0;
    taroMock.answerUploads((req) => {
      if (req.filePath === 'blob:one') return { ...uploadAnswer(id(1)), progress: [40, 100] };
      secondTries += 1;
      if (secondTries === 1) throw new Error('network');
      return uploadAnswer(id(2));
    });
    taroMock.answer(() => ({ statusCode: 201, data: JSON.stringify(RECEIPT) }));
    render(<TipPage />);
    fillForm();
    fireEvent.click(screen.getByText('添加照片'));
    await waitFor(() => expect(document.querySelectorAll('.photo')).toHaveLength(2));
    expect(screen.getByLabelText('第 1 张照片：待上传')).toBeTruthy();

    fireEvent.click(submitButton());
    await screen.findByText('第 2 张照片上传失败，线索尚未提交。请点“重试”，已上传的照片不会重复上传。');
    expect(screen.getByLabelText('第 1 张照片：已上传')).toBeTruthy();
    expect(screen.getByLabelText(/^第 2 张照片：上传失败/)).toBeTruthy();
    expect(requests).toHaveLength(0); // no tip without all its photos

    fireEvent.click(screen.getByText('重试'));
    await screen.findByText(RECEIPT.receipt);
    expect(uploads.map((u) => u.filePath)).toEqual(['blob:one', 'blob:two', 'blob:two']);
    expect(uploads.every((u) => u.url === '/api/v1/tips/photos' && u.name === 'photo')).toBe(true);
    expect(requests).toHaveLength(1);
    expect(JSON.parse(String(requests[0]!.data)).photoIds).toEqual([id(1), id(2)]);
  });

  it('re-uploads a photo the API says expired, and resends the tip with the same Idempotency-Key', async () => {
    taroMock.chooseMedia([{ tempFilePath: 'blob:one', size: 1000 }]);
    let n = 0;
    taroMock.answerUploads(() => uploadAnswer(id(++n)));
    let tipCalls = 0;
    taroMock.answer(() => {
      tipCalls += 1;
      if (tipCalls === 1)
        return {
          statusCode: 400,
          data: JSON.stringify({
            error: {
              code: 'VALIDATION_FAILED',
              message: '第 1 张照片已过期或不存在，请重新上传这张照片。',
              field: 'photoIds.0',
            },
          }),
        };
      return { statusCode: 201, data: JSON.stringify(RECEIPT) };
    });
    render(<TipPage />);
    fillForm();
    fireEvent.click(screen.getByText('添加照片'));
    await waitFor(() => expect(document.querySelectorAll('.photo')).toHaveLength(1));
    fireEvent.click(submitButton());
    await waitFor(() =>
      expect(screen.getAllByText('第 1 张照片已过期或不存在，请重新上传这张照片。').length).toBeGreaterThan(
        0,
      ),
    );
    fireEvent.click(screen.getByText('重试'));
    await screen.findByText(RECEIPT.receipt);
    expect(uploads).toHaveLength(2);
    const [first, second] = requests;
    expect(JSON.parse(String(first!.data)).photoIds).toEqual([id(1)]);
    expect(JSON.parse(String(second!.data)).photoIds).toEqual([id(2)]);
    expect(second!.header['Idempotency-Key']).toBe(first!.header['Idempotency-Key']);
  });

  it('reports the API refusal of a photo (e.g. HEIC) by its position', async () => {
    const statuses: string[] = [];
    const refuse = async () => {
      throw new Error('照片：暂不支持 HEIC 格式');
    };
    const error = await uploadPhotos(
      [
        { path: 'a', size: 1 },
        { path: 'b', size: 1 },
      ],
      new Map(),
      async (p) => (p.path === 'a' ? refuse() : { photoId: id(3), expiresAtMs: 0 }),
      (path, s) => statuses.push(`${path}:${s.kind}`),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PhotoUploadError);
    expect((error as PhotoUploadError).failed).toEqual([0]);
    expect(statuses).toEqual(['a:uploading', 'a:failed', 'b:uploading', 'b:done']);
  });
});

describe('举报 map point on H5', () => {
  function grant(lat: number, lng: number) {
    Object.defineProperty(navigator, 'geolocation', {
      configurable: true,
      value: {
        getCurrentPosition: (ok: (p: unknown) => void) => ok({ coords: { latitude: lat, longitude: lng } }),
      },
    });
  }

  it('reads the current position once after consent and sends it (GCJ-02, as WeChat’s picker)', async () => {
    grant(19.9355, 110.4582);
    taroMock.answer(() => ({ statusCode: 201, data: JSON.stringify(RECEIPT) }));
    render(<TipPage />);
    expect(screen.queryByText('在地图上选点')).toBeNull(); // Tencent Maps picker: WeChat only
    fillForm();
    fireEvent.click(screen.getByText('使用当前位置'));
    await screen.findByText(/^地图位置：北纬/);
    fireEvent.click(submitButton());
    await screen.findByText(RECEIPT.receipt);
    const sent = JSON.parse(String(requests[0]!.data));
    expect(sent.location).toEqual(wgs84ToGcj02({ lat: 19.9355, lng: 110.4582 }));
  });

  it('reads nothing when the person declines, and says so when the browser refuses', async () => {
    let asked = 0;
    Object.defineProperty(navigator, 'geolocation', {
      configurable: true,
      value: {
        getCurrentPosition: (_ok: unknown, fail: (e: { code: number }) => void) => {
          asked += 1;
          fail({ code: 1 });
        },
      },
    });
    render(<TipPage />);
    taroMock.confirmModals(false);
    fireEvent.click(screen.getByText('使用当前位置'));
    await new Promise((r) => setTimeout(r, 20));
    expect(asked).toBe(0);
    taroMock.confirmModals(true);
    fireEvent.click(screen.getByText('使用当前位置'));
    await screen.findByText('您未允许读取位置，请在地点栏填写文字描述。');
    expect(asked).toBe(1);
    expect(screen.queryByText(/^地图位置：/)).toBeNull();
  });

  it('converts only inside China, by a few hundred metres', () => {
    const p = wgs84ToGcj02({ lat: 39.9087, lng: 116.3975 });
    expect(p.lat - 39.9087).toBeGreaterThan(0.0005);
    expect(p.lat - 39.9087).toBeLessThan(0.005);
    expect(p.lng - 116.3975).toBeGreaterThan(0.003);
    expect(p.lng - 116.3975).toBeLessThan(0.01);
    expect(wgs84ToGcj02({ lat: 48.8566, lng: 2.3522 })).toEqual({ lat: 48.8566, lng: 2.3522 });
  });
});

describe('subscription to status changes', () => {
  it('is not offered on H5 (no WeChat subscription messages there)', async () => {
    taroMock.answer(() => ({ statusCode: 201, data: JSON.stringify(RECEIPT) }));
    render(<TipPage />);
    fillForm();
    fireEvent.click(submitButton());
    await screen.findByText(RECEIPT.receipt);
    expect(tipTemplateId()).toBe('');
    expect(screen.queryByText('订阅办理进度提醒')).toBeNull();
  });

  it('registers the consent with the session only when the person accepts', async () => {
    taroMock.answer(() => ({ statusCode: 200, data: JSON.stringify({ subscribed: true }) }));
    taroMock.answerSubscribe({ 'TMPL-1': 'reject' });
    expect(await subscribeToTipUpdates('TMPL-1', RECEIPT.receipt, 'ws_x')).toBe('declined');
    expect(requests).toHaveLength(0);
    taroMock.answerSubscribe({ 'TMPL-1': 'accept' });
    expect(await subscribeToTipUpdates('TMPL-1', RECEIPT.receipt, 'ws_x')).toBe('subscribed');
    expect(requests[0]!.url).toBe('/api/v1/wechat/tip-subscriptions');
    expect(requests[0]!.header['x-wechat-session']).toBe('ws_x');
    expect(JSON.parse(String(requests[0]!.data))).toEqual({ receipt: RECEIPT.receipt });
  });
});
