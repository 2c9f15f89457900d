/**
 * Stand-in for `@tarojs/taro` in component tests (aliased in vitest.config.ts): no WeChat runtime
 * here. `Taro.request` answers through a handler each test sets, recording what was asked, so a
 * test checks the real API client's requests and shows the page real API answers.
 */
import { useEffect } from 'react';

export interface RecordedRequest {
  url: string;
  method: string;
  header: Record<string, string>;
  data: unknown;
}
type Answer = { statusCode: number; data: string; header?: Record<string, string> };
type Handler = (req: RecordedRequest) => Answer | Promise<Answer>;

export const requests: RecordedRequest[] = [];
let handler: Handler = () => ({ statusCode: 500, data: '' });
const storage = new Map<string, unknown>();
let routerParams: Record<string, string> = {};
let fontSizeSetting = 16;
const navigations: string[] = [];

export const taroMock = {
  reset() {
    requests.length = 0;
    navigations.length = 0;
    storage.clear();
    routerParams = {};
    fontSizeSetting = 16;
    handler = () => ({ statusCode: 500, data: '' });
  },
  answer(h: Handler) {
    handler = h;
  },
  setRouterParams(params: Record<string, string>) {
    routerParams = params;
  },
  /** The system font size WeChat reports (px; 17 is iOS standard). */
  setFontSize(px: number) {
    fontSizeSetting = px;
  },
  navigations,
  storage,
};

const Taro = {
  async request(opts: { url: string; method?: string; header?: Record<string, string>; data?: unknown }) {
    const req = { url: opts.url, method: opts.method ?? 'GET', header: opts.header ?? {}, data: opts.data };
    requests.push(req);
    const answer = await handler(req);
    return { statusCode: answer.statusCode, data: answer.data, header: answer.header ?? {} };
  },
  getStorageSync: (key: string) => storage.get(key) ?? '',
  setStorageSync: (key: string, value: unknown) => {
    storage.set(key, value);
  },
  removeStorageSync: (key: string) => {
    storage.delete(key);
  },
  getAppBaseInfo: () => ({ fontSizeSetting }),
  getSystemInfoSync: () => ({ fontSizeSetting }),
  getLaunchOptionsSync: () => ({ scene: 1001 }),
  async navigateTo(opts: { url: string }) {
    navigations.push(opts.url);
  },
  async setClipboardData() {},
  async showToast() {},
};

export default Taro;
export const useShareAppMessage = () => {};
export const useShareTimeline = () => {};
/** Runs once after mount, like the page showing for the first time. */
export const useDidShow = (fn: () => void) => {
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per mount, as the page shows once
  useEffect(() => fn(), []);
};
export const useRouter = () => ({ params: routerParams });
