import { ListingDraftBodySchema } from '@portal/domain';
import { z } from 'zod';
import { errorResponses, jsonBody, jsonResponse } from './common.ts';
import { removalClockSchema, staffListingSchema } from './listings.ts';
import type { ApiRoute } from './route.ts';

/**
 * Correcting a listing in place (法释〔2017〕7号 arts. 9, 11, 12; issue 14 item 8): staff send the
 * fields that change and why; the API validates the whole listing again, bumps its version,
 * audits before/after and pushes the change to every public surface.
 */

/**
 * The full staff view of one listing (the list's `StaffListing` plus every stored field): the full
 * ID number decrypted (an audited read), decision and term details, and the art. 10 removal clock.
 */
export const staffListingDetailSchema = staffListingSchema
  .extend({
    idNumber: z.string().nullish().meta({ description: '完整身份证号码（仅工作人员可见，读取留痕）' }),
    idNumberMasked: z.string().nullable(),
    birthDate: z.string().nullish(),
    gender: z.enum(['男', '女']).nullish(),
    uscc: z.string().nullish(),
    orgCode: z.string().nullable(),
    legalRepresentative: z.string().nullish(),
    legalRepresentativeRole: z.string().nullable(),
    filedAt: z.string(),
    basisIssuer: z.string(),
    basisDocNo: z.string(),
    obligation: z.string(),
    performance: z.string(),
    livelihood: z.boolean(),
    region: z.string(),
    decisionDocNo: z.string().nullable(),
    decisionDate: z.string().nullable(),
    termExtensionYears: z.number().int().nullish(),
    termExtensionGround: z.string().nullable(),
    termExtensionDecisionNo: z.string().nullable(),
    termExtensionDecisionDate: z.string().nullable(),
    applicant: z.string().nullable(),
    publishedAt: z.string().nullable(),
    removalEventDate: z.string().nullable(),
    removalClock: removalClockSchema.nullable(),
    purgedAt: z.string().nullable().meta({ description: '保存期限届满、身份信息已清除的时间' }),
    version: z.number().int(),
  })
  .meta({ id: 'StaffListingDetail' });

export type StaffListingDetail = z.output<typeof staffListingDetailSchema>;

/** Draft fields a correction may change (everything but `demo`; `kind` too: the whole listing is re-validated). */
export const listingChangesSchema = ListingDraftBodySchema.omit({ demo: true })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: '请至少更正一个字段。' })
  .meta({ id: 'ListingChanges' });

export const listingEditBodySchema = z
  .object({
    changes: listingChangesSchema,
    reason: z
      .string({ error: '请填写更正理由。' })
      .trim()
      .min(2, { error: '请填写更正理由（至少2个字）。' })
      .max(500, { error: '更正理由不能超过500个字。' }),
    /** optimistic concurrency: the version the editor saw; a newer one answers 409 */
    expectedVersion: z.number().int().min(1).optional(),
  })
  .strict()
  .meta({ id: 'ListingEdit' });

export type ListingEditBody = z.input<typeof listingEditBodySchema>;

/** `PATCH /api/v1/admin/listings/{id}` (CONTRACT.md, staff API). */
export const editListingRoute = {
  method: 'patch',
  path: '/api/v1/admin/listings/{id}',
  tags: ['工作人员接口'],
  security: [{ bearer: [] }],
  summary: '就地更正失信信息（整体重新校验，留痕，2秒内同步到各公开渠道）',
  request: {
    params: z.object({ id: z.string().min(1).max(64) }),
    body: jsonBody(listingEditBodySchema),
  },
  responses: {
    200: jsonResponse(staffListingDetailSchema, '更正后的信息（工作人员视图）'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
} as const satisfies ApiRoute;
