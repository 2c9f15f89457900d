import {
  rewardClaimsRoute,
  rewardCreateRoute,
  rewardPaymentCreateRoute,
  rewardPublishRoute,
  staffRewardListRoute,
} from '@portal/contract';
import type { ApiApp, AppDeps } from '../../context.ts';
import { staffOf } from '../../http/require-staff.ts';
import { recordRewardPayment } from './reward-payments.ts';
import { createReward, listRewardsForStaff, publishReward, rewardClaims } from './rewards-service.ts';

/** Staff side of 悬赏: record applications, publish notices, read the register of claims, record payments. */
export function registerAdminRewards(app: ApiApp, deps: AppDeps): void {
  app.openapi(rewardCreateRoute, async (c) =>
    c.json(await createReward(deps, staffOf(c), c.req.valid('json')), 201),
  );
  app.openapi(rewardPublishRoute, async (c) =>
    c.json(await publishReward(deps, staffOf(c), c.req.valid('param').id), 200),
  );
  app.openapi(staffRewardListRoute, async (c) =>
    c.json(await listRewardsForStaff(deps, staffOf(c), c.req.valid('query').status), 200),
  );
  app.openapi(rewardClaimsRoute, async (c) =>
    c.json(await rewardClaims(deps, staffOf(c), c.req.valid('param').id), 200),
  );
  app.openapi(rewardPaymentCreateRoute, async (c) => {
    const { id, registrationNo } = c.req.valid('param');
    return c.json(await recordRewardPayment(deps, staffOf(c), id, registrationNo, c.req.valid('json')), 201);
  });
}
