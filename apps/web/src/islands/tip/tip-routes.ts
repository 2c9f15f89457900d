/**
 * The contract's tip and 悬赏 routes for the browser: method and path at runtime, the full zod
 * route only as a type, so `createApiClient().call(route, …)` derives input and answer types from
 * the contract and no zod ships to phones (the pattern of `@portal/contract/routes`).
 * tip-rules.test.ts checks each entry against the contract's route object.
 * UNFINISHED: move these four entries into packages/contract/src/routes.ts once this branch has
 * main's `@portal/contract/routes` (it arrived on main while the tips branch had not merged it).
 */
import type * as full from '@portal/contract';
import type { ApiRoute } from '@portal/contract';

function light<R extends ApiRoute>(method: R['method'], path: R['path']): R {
  return { method, path } as R;
}

export const tipSubmitRoute = light<typeof full.tipSubmitRoute>('post', '/api/v1/tips');
export const tipLookupRoute = light<typeof full.tipLookupRoute>('post', '/api/v1/tips/lookup');
export const rewardListRoute = light<typeof full.rewardListRoute>('get', '/api/v1/rewards');
export const rewardDetailRoute = light<typeof full.rewardDetailRoute>('get', '/api/v1/rewards/{id}');
