import Taro from '@tarojs/taro';

/** Page paths of the app (app.config.ts), one place to change them. */
export const PAGES = {
  search: '/pages/search/index',
  detail: '/pages/detail/index',
  notices: '/sub/notices/index',
  notice: '/sub/notice/index',
  privacy: '/sub/privacy/index',
  tip: '/sub/tip/index',
  myTips: '/sub/my-tips/index',
  rewards: '/sub/rewards/index',
} as const;

/** Opens a page with query parameters (values are URI-encoded). */
export function open(page: keyof typeof PAGES, query: Record<string, string> = {}): void {
  const qs = Object.entries(query)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  void Taro.navigateTo({ url: qs ? `${PAGES[page]}?${qs}` : PAGES[page] });
}
