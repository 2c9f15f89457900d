import { AUDIT_PAGE_SIZE_MAX, auditListRoute, auditVerificationRoute } from '@portal/contract';
import { auditHead, verifyAuditChain } from '@portal/db';
import type { ApiApp, AppDeps } from '../../context.ts';
import { ApiError } from '../../errors.ts';
import { staffOf } from '../../http/require-staff.ts';
import { assertCourtAdmin } from '../staff/staff-auth.ts';
import { listAuditEntries } from './audit-query.ts';

const DEFAULT_PAGE_SIZE = 50;

/**
 * The audit browser (court admins): the chain filtered by listing, actor and date range, and
 * the chain's verification. Unit members and custodians get 403: the trail spans every unit.
 */
export function registerAdminAudit(app: ApiApp, deps: AppDeps): void {
  app.openapi(auditListRoute, async (c) => {
    assertCourtAdmin(staffOf(c));
    const q = c.req.valid('query');
    if (q.from && q.to && q.from > q.to) {
      throw new ApiError('INVALID_PARAMETER', { field: 'to', message: '结束日期不能早于开始日期。' });
    }
    const page = await listAuditEntries(deps.db, {
      ...(q.listingId ? { listingId: q.listingId } : {}),
      ...(q.actor ? { actor: q.actor } : {}),
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
      page: q.page ?? 1,
      pageSize: Math.min(q.pageSize ?? DEFAULT_PAGE_SIZE, AUDIT_PAGE_SIZE_MAX),
    });
    c.header('Cache-Control', 'no-store');
    return c.json(page, 200);
  });

  app.openapi(auditVerificationRoute, async (c) => {
    assertCourtAdmin(staffOf(c));
    const [result, head] = await Promise.all([verifyAuditChain(deps.db), auditHead(deps.db)]);
    c.header('Cache-Control', 'no-store');
    return c.json(
      {
        ok: result.ok,
        count: result.ok ? result.count : 0,
        brokenAtSeq: result.ok ? null : result.seq,
        problem: result.ok ? null : result.reason,
        head,
        checkedAt: deps.now().toISOString(),
      },
      200,
    );
  });
}
