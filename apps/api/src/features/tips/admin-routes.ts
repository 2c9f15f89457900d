import {
  notificationListRoute,
  notifyTargetDeleteRoute,
  notifyTargetListRoute,
  notifyTargetSetRoute,
  revealIdentityRoute,
  revealRequestCreateRoute,
  revealRequestDecideRoute,
  revealRequestListRoute,
  staffTipAttachmentRoute,
  staffTipDetailRoute,
  staffTipListRoute,
  staffTipStatusRoute,
} from '@portal/contract';
import type { ApiApp, AppDeps } from '../../context.ts';
import { ApiError } from '../../errors.ts';
import { staffOf } from '../../http/require-staff.ts';
import { decideReveal, listRevealRequests, requestReveal, revealIdentity } from './identity-reveal.ts';
import { listNotifications } from './notifications/list.ts';
import { deleteUnitTarget, listTargets, setUnitTarget } from './notifications/target-admin.ts';
import { attachmentForStaff, changeTipStatus, listTipsForStaff, tipDetailForStaff } from './staff-tips.ts';

/** Staff side of tip-offs (CONTRACT.md "Tip-offs (staff)"), all under the staff gate. */
export function registerAdminTips(app: ApiApp, deps: AppDeps): void {
  const d = () => ({ db: deps.db, now: deps.now, tips: deps.tips });

  app.openapi(staffTipListRoute, async (c) => {
    const q = c.req.valid('query');
    return c.json(await listTipsForStaff(d(), staffOf(c), { status: q.status, page: q.page }), 200);
  });
  app.openapi(staffTipDetailRoute, async (c) =>
    c.json(await tipDetailForStaff(d(), staffOf(c), c.req.valid('param').id), 200),
  );
  app.openapi(staffTipStatusRoute, async (c) => {
    const detail = await changeTipStatus(d(), staffOf(c), c.req.valid('param').id, c.req.valid('json'));
    deps.wechat.wake(); // a subscribed tipster's message was queued with the change
    return c.json(detail, 200);
  });
  app.openapi(staffTipAttachmentRoute, async (c) => {
    const { id, attachmentId } = c.req.valid('param');
    const a = await attachmentForStaff(d(), staffOf(c), id, attachmentId);
    const bytes = await deps.tips.files.get(a.path).catch(() => {
      throw new ApiError('NOT_FOUND', { message: '附件文件不存在。' });
    });
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': a.contentType,
      'Cache-Control': 'private, no-store',
      'Content-Disposition': `inline; filename="${a.id}.jpg"`,
      'X-Content-Type-Options': 'nosniff',
    });
  });
  app.openapi(revealRequestCreateRoute, async (c) =>
    c.json(await requestReveal(d(), staffOf(c), c.req.valid('param').id, c.req.valid('json').reason), 201),
  );
  app.openapi(revealRequestListRoute, async (c) =>
    c.json(await listRevealRequests(d(), staffOf(c), c.req.valid('query')), 200),
  );
  app.openapi(revealRequestDecideRoute, async (c) => {
    const body = c.req.valid('json');
    return c.json(
      await decideReveal(d(), staffOf(c), c.req.valid('param').id, body.decision, body.note),
      200,
    );
  });
  app.openapi(revealIdentityRoute, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await revealIdentity(d(), staffOf(c), c.req.valid('param').id), 200);
  });
  app.openapi(notificationListRoute, async (c) =>
    c.json(await listNotifications(deps.db, staffOf(c), c.req.valid('query').state), 200),
  );
  app.openapi(notifyTargetListRoute, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await listTargets(d(), staffOf(c)), 200);
  });
  app.openapi(notifyTargetSetRoute, async (c) => {
    const { unitId, channel } = c.req.valid('param');
    return c.json(await setUnitTarget(d(), staffOf(c), unitId, channel, c.req.valid('json')), 200);
  });
  app.openapi(notifyTargetDeleteRoute, async (c) => {
    const { unitId, channel } = c.req.valid('param');
    return c.json(await deleteUnitTarget(d(), staffOf(c), unitId, channel), 200);
  });
}
