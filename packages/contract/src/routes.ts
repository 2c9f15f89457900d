/**
 * The contract's routes for browsers: method and path at runtime, the full zod route only as a
 * type. `createApiClient().call(route, …)` needs nothing else at runtime, and a page that calls
 * the API does not ship zod (the search page's JavaScript budget is 64 KB gzipped).
 * `routes.test.ts` checks each entry against the full route object.
 */
import type * as full from './index.ts';
import type { ApiRoute } from './route.ts';

/** A route's method and path, typed as the full route so the client derives its input and output. */
function light<R extends ApiRoute>(method: R['method'], path: R['path']): R {
  return { method, path } as R;
}

export const searchRoute = light<typeof full.searchRoute>('get', '/api/v1/search');
export const listingDetailRoute = light<typeof full.listingDetailRoute>('get', '/api/v1/listings/{id}');
export const submitCorrectionRoute = light<typeof full.submitCorrectionRoute>('post', '/api/v1/corrections');
export const statsRoute = light<typeof full.statsRoute>('get', '/api/v1/stats');
export const healthRoute = light<typeof full.healthRoute>('get', '/api/v1/health');
export const tipSubmitRoute = light<typeof full.tipSubmitRoute>('post', '/api/v1/tips');
export const tipLookupRoute = light<typeof full.tipLookupRoute>('post', '/api/v1/tips/lookup');
export const rewardListRoute = light<typeof full.rewardListRoute>('get', '/api/v1/rewards');
export const shareCardRoute = light<typeof full.shareCardRoute>('get', '/api/v1/screens/cards/{file}');
export const tipPhotoUploadRoute = light<typeof full.tipPhotoUploadRoute>('post', '/api/v1/tips/photos');
export const wechatStatusRoute = light<typeof full.wechatStatusRoute>('get', '/api/v1/wechat/status');
export const wechatLoginRoute = light<typeof full.wechatLoginRoute>('post', '/api/v1/wechat/login');
export const tipSubscribeRoute = light<typeof full.tipSubscribeRoute>(
  'post',
  '/api/v1/wechat/tip-subscriptions',
);
export const rewardDetailRoute = light<typeof full.rewardDetailRoute>('get', '/api/v1/rewards/{id}');

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_RESULT_WINDOW } from '@portal/domain';
export type {
  CorrectionReceipt,
  PublicReward,
  SearchResult,
  StatsResponse,
  TipLookupResult,
  TipPhotoUpload,
  TipReceipt,
  TipSubmit,
  WechatSessionResult,
} from './index.ts';
