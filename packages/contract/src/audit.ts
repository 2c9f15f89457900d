import { z } from 'zod';
import { errorResponses, jsonResponse, positiveIntParam, strictQuery } from './common.ts';
import { dayParam } from './period.ts';
import type { ApiRoute } from './route.ts';

/**
 * The audit trail for court admins (art. 13 全程留痕): the hash chain browsable by listing, actor
 * and date, and the chain's verification. Entries show who did what, when and why; their details
 * pass through a second redaction before they leave the server (no full ID number, no phone
 * number, no tipster or requester identity), whatever an older entry holds.
 */

export const AUDIT_PAGE_SIZE_MAX = 100;

export const auditQuerySchema = strictQuery({
  listingId: z.string().trim().max(64, '名单编号最多 64 个字符。').optional(),
  actor: z.string().trim().max(64, '操作人编号最多 64 个字符。').optional(),
  from: dayParam('开始日期'),
  to: dayParam('结束日期'),
  page: positiveIntParam('页码', 100_000),
  pageSize: positiveIntParam('每页条数', AUDIT_PAGE_SIZE_MAX),
});

export const auditEntrySchema = z
  .object({
    seq: z.number().int(),
    at: z.string().meta({ description: '记录时间（ISO 8601）' }),
    actor: z.string().meta({ description: '操作人编号（工作人员编号、system、public）' }),
    actorName: z.string().nullable().meta({ description: '工作人员姓名（可查到时）' }),
    action: z.string(),
    entity: z.string(),
    entityId: z.string(),
    reason: z.string().nullable(),
    details: z.unknown().meta({ description: '补充信息（已去除个人信息）' }),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntryView = z.output<typeof auditEntrySchema>;

export const auditPageSchema = z
  .object({
    items: z.array(auditEntrySchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'AuditPage' });

export const auditVerificationSchema = z
  .object({
    ok: z.boolean(),
    /** rows checked when the chain is intact */
    count: z.number().int(),
    /** the first row that does not fit, when broken */
    brokenAtSeq: z.number().int().nullable(),
    problem: z.string().nullable().meta({ description: '问题说明（中文）' }),
    head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
    checkedAt: z.string(),
  })
  .meta({ id: 'AuditVerification' });
export type AuditVerificationView = z.output<typeof auditVerificationSchema>;

/** `GET /api/v1/admin/audit`: newest entries first, filtered, paged (court admins only). */
export const auditListRoute = {
  method: 'get',
  path: '/api/v1/admin/audit',
  tags: ['审计日志'],
  summary: '审计日志（法院管理员）',
  request: { query: auditQuerySchema },
  responses: {
    200: jsonResponse(auditPageSchema, '审计记录，按时间倒序'),
    ...errorResponses(400, 401, 403),
  },
} as const satisfies ApiRoute;

/** `GET /api/v1/admin/audit/verification`: walks the whole chain and names the first bad row. */
export const auditVerificationRoute = {
  method: 'get',
  path: '/api/v1/admin/audit/verification',
  tags: ['审计日志'],
  summary: '校验审计日志哈希链（法院管理员）',
  responses: {
    200: jsonResponse(auditVerificationSchema, '校验结果'),
    ...errorResponses(401, 403),
  },
} as const satisfies ApiRoute;
