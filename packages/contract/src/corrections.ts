import { CORRECTION_GROUNDS, type CorrectionRequestInput } from '@portal/domain';
import { z } from 'zod';
import {
  errorResponses,
  idParams,
  jsonBody,
  jsonResponse,
  noQuery,
  strictQuery,
  textField,
} from './common.ts';
import type { ApiRoute } from './route.ts';

const groundsText = CORRECTION_GROUNDS.map((g) => `${g.code}：${g.label}（${g.article}）`).join('；');

/**
 * A correction request (法释〔2017〕7号 arts. 11–12). The shape is checked here; the domain's
 * `validateCorrectionRequest` then checks phone, ID number and explanation with its zh-CN messages.
 */
export const correctionRequestSchema = z
  .object({
    listingId: textField('记录编号'),
    grounds: textField('申请理由').meta({ description: groundsText }),
    requesterName: textField('申请人姓名或名称'),
    requesterPhone: textField('联系电话'),
    requesterIdNumber: textField('申请人身份证号码').optional().meta({ description: '自然人申请人，可选' }),
    explanation: textField('申请说明').meta({ description: '10–2000 字' }),
  })
  .meta({ id: 'CorrectionRequest' });

// what the site's form sends must be what the contract accepts
const formFits: z.input<typeof correctionRequestSchema> = {} as CorrectionRequestInput;
void formFits;

export const correctionReceiptSchema = z
  .object({
    id: z.string(),
    receiptCode: z.string().meta({ description: '回执编号，查询进度时使用' }),
    reviewDeadline: z.string().meta({ description: 'YYYY-MM-DD：法院 15 日审查期限的最后一天' }),
  })
  .meta({ id: 'CorrectionReceipt' });

export type CorrectionReceipt = z.output<typeof correctionReceiptSchema>;

/** `POST /api/v1/corrections`: anyone may ask; a retry with the same Idempotency-Key gets the first receipt. */
export const submitCorrectionRoute = {
  method: 'post',
  path: '/api/v1/corrections',
  tags: ['公开接口'],
  summary: '提交纠正申请',
  request: {
    headers: z.object({
      'idempotency-key': z.string().optional().meta({ description: '重试时沿用，避免重复提交' }),
    }),
    query: noQuery,
    body: jsonBody(correctionRequestSchema),
  },
  responses: {
    201: jsonResponse(correctionReceiptSchema, '已受理'),
    ...errorResponses(400, 404, 413, 415, 429),
  },
} as const satisfies ApiRoute;

// ---- staff ----

export const CORRECTION_STATUSES = ['received', 'accepted', 'rejected'] as const;

/** art. 12: an accepted correction is carried out within 3 working days (`fixing → fixed`). */
export const correctionFixClockSchema = z
  .object({
    date: z.string().meta({ description: '更正期限（受理审查结论后 3 个工作日）' }),
    estimate: z.boolean().meta({ description: '期限超出内置节假日日历，为估算（估算）' }),
    state: z.enum(['fixing', 'fixed']),
    overdue: z.boolean().meta({ description: '逾期未更正，或更正晚于期限' }),
    fixedOn: z.string().nullable(),
  })
  .meta({ id: 'CorrectionFixClock' });

export const staffCorrectionSchema = z
  .object({
    id: z.string(),
    receiptCode: z.string(),
    listingId: z.string(),
    listingName: z.string(),
    caseNo: z.string(),
    grounds: z.string(),
    groundsLabel: z.string(),
    explanation: z.string(),
    requester: z.object({ name: z.string(), phone: z.string(), idNumber: z.string().nullable() }),
    status: z.enum(CORRECTION_STATUSES),
    receivedOn: z.string(),
    reviewDeadline: z.string(),
    reviewDaysLeft: z.number().int(),
    overdue: z.boolean(),
    fixDeadline: z.string().nullable(),
    fixClock: correctionFixClockSchema.nullable(),
  })
  .meta({ id: 'StaffCorrection', description: '纠正申请（含申请人联系方式；每次读取均记入审计日志）' });

export const staffCorrectionsRoute = {
  method: 'get',
  path: '/api/v1/admin/corrections',
  tags: ['工作人员接口'],
  summary: '纠正申请及审查期限',
  security: [{ bearer: [] }],
  request: {
    query: strictQuery({
      status: z
        .enum(CORRECTION_STATUSES, { error: '状态只能是 received、accepted 或 rejected。' })
        .optional(),
    }),
  },
  responses: {
    200: jsonResponse(
      z.object({ items: z.array(staffCorrectionSchema), total: z.number().int() }),
      '按审查期限排序',
    ),
    ...errorResponses(400, 401),
  },
} as const satisfies ApiRoute;

export const decideCorrectionRoute = {
  method: 'post',
  path: '/api/v1/admin/corrections/{id}/decide',
  tags: ['工作人员接口'],
  summary: '作出审查结论',
  security: [{ bearer: [] }],
  request: {
    params: idParams,
    body: jsonBody(
      z.looseObject({
        decision: z
          .enum(['accepted', 'rejected'], {
            error: '审查结论只能是 accepted（予以纠正）或 rejected（驳回）。',
          })
          .meta({ description: 'accepted：予以纠正（3 个工作日内完成）；rejected：驳回' }),
        reasons: z
          .string()
          .trim()
          .min(1, '请填写审查理由。')
          .max(2000, '审查理由最多 2000 字。')
          .optional()
          .meta({ description: '审查理由，记入审计记录（全程留痕）' }),
      }),
    ),
  },
  responses: {
    200: jsonResponse(
      z.object({ status: z.enum(['accepted', 'rejected']), fixDeadline: z.string().nullable() }),
      '已记录',
    ),
    ...errorResponses(400, 401, 403, 404, 409),
  },
} as const satisfies ApiRoute;

/** `POST /api/v1/admin/corrections/{id}/fixed`: the accepted correction has been carried out. */
export const markCorrectionFixedRoute = {
  method: 'post',
  path: '/api/v1/admin/corrections/{id}/fixed',
  tags: ['工作人员接口'],
  summary: '记录已完成更正（第十二条：3 个工作日内）',
  security: [{ bearer: [] }],
  request: { params: idParams },
  responses: {
    200: jsonResponse(correctionFixClockSchema, '已记录；overdue 表示晚于期限'),
    ...errorResponses(401, 403, 404, 409),
  },
} as const satisfies ApiRoute;
