import { z } from 'zod';
import { staffRoleSchema } from './auth.ts';
import { errorResponses, jsonBody, jsonResponse } from './common.ts';
import type { ApiRoute } from './route.ts';

const idParams = z.object({ id: z.string().min(1).max(64) });
const shortText = (label: string, max = 40) =>
  z.string().trim().max(max, `${label}最多 ${max} 个字符。`).optional().default('');

export const createUnitBodySchema = z
  .object({
    name: z
      .string({ error: '请填写执行单元名称。' })
      .trim()
      .min(1, '请填写执行单元名称。')
      .max(40, '名称最多 40 个字符。'),
    judge: shortText('法官'),
    assistant: shortText('法官助理'),
    clerk: shortText('书记员'),
    bailiff: shortText('法警'),
  })
  .strict();

export const unitSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    judge: z.string(),
    assistant: z.string(),
    clerk: z.string(),
    bailiff: z.string(),
  })
  .meta({ id: 'ExecutionUnit' });

export const createStaffBodySchema = z
  .object({
    username: z
      .string({ error: '请填写用户名。' })
      .trim()
      .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, '用户名为 3–32 位小写字母、数字、点、下划线或连字符。'),
    password: z.string({ error: '请设置密码。' }),
    name: z.string().trim().min(1, '请填写姓名。').max(40, '姓名最多 40 个字符。').optional(),
    role: staffRoleSchema,
    unitId: z.string().min(1).max(64).nullable().optional(),
  })
  .strict();

export const staffAccountSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    username: z.string().nullable(),
    role: staffRoleSchema,
    unitId: z.string().nullable(),
    totpEnabled: z.boolean(),
    disabled: z.boolean(),
    lockedUntil: z.string().nullable(),
  })
  .meta({ id: 'StaffAccount' });

const adminOnly = errorResponses(400, 401, 403, 404, 409);

export const createUnitRoute = {
  method: 'post',
  path: '/api/v1/admin/units',
  tags: ['账号与执行单元'],
  summary: '新建执行单元（法院管理员）',
  request: { body: jsonBody(createUnitBodySchema) },
  responses: { 201: jsonResponse(z.object({ id: z.string() }), '已创建'), ...adminOnly },
} as const satisfies ApiRoute;

export const listUnitsRoute = {
  method: 'get',
  path: '/api/v1/admin/units',
  tags: ['账号与执行单元'],
  summary: '执行单元列表',
  responses: {
    200: jsonResponse(z.object({ items: z.array(unitSchema), total: z.number().int() }), '本院执行单元'),
    ...errorResponses(401),
  },
} as const satisfies ApiRoute;

export const createStaffRoute = {
  method: 'post',
  path: '/api/v1/admin/staff',
  tags: ['账号与执行单元'],
  summary: '新建工作人员账号（法院管理员）',
  request: { body: jsonBody(createStaffBodySchema) },
  responses: { 201: jsonResponse(z.object({ id: z.string() }), '已创建'), ...adminOnly },
} as const satisfies ApiRoute;

export const listStaffRoute = {
  method: 'get',
  path: '/api/v1/admin/staff',
  tags: ['账号与执行单元'],
  summary: '工作人员账号列表（法院管理员）',
  responses: {
    200: jsonResponse(z.object({ items: z.array(staffAccountSchema), total: z.number().int() }), '账号'),
    ...errorResponses(401, 403),
  },
} as const satisfies ApiRoute;

export const changeStaffRoleRoute = {
  method: 'post',
  path: '/api/v1/admin/staff/{id}/role',
  tags: ['账号与执行单元'],
  summary: '变更角色或执行单元（法院管理员；其会话全部失效）',
  request: {
    params: idParams,
    body: jsonBody(
      z.object({ role: staffRoleSchema, unitId: z.string().min(1).max(64).nullable().optional() }).strict(),
    ),
  },
  responses: { 200: jsonResponse(staffAccountSchema, '已变更'), ...adminOnly },
} as const satisfies ApiRoute;

export const disableStaffRoute = {
  method: 'post',
  path: '/api/v1/admin/staff/{id}/disable',
  tags: ['账号与执行单元'],
  summary: '停用账号（法院管理员；会话与令牌全部失效）',
  request: { params: idParams },
  responses: { 200: jsonResponse(staffAccountSchema, '已停用'), ...adminOnly },
} as const satisfies ApiRoute;

export const revokeStaffSessionsRoute = {
  method: 'post',
  path: '/api/v1/admin/staff/{id}/sessions/revoke',
  tags: ['账号与执行单元'],
  summary: '使该账号的全部会话失效（法院管理员）',
  request: { params: idParams },
  responses: { 200: jsonResponse(z.object({ revoked: z.number().int() }), '已失效的会话数'), ...adminOnly },
} as const satisfies ApiRoute;

export const createStaffTokenRoute = {
  method: 'post',
  path: '/api/v1/admin/staff/{id}/tokens',
  tags: ['账号与执行单元'],
  summary: '签发访问令牌（法院管理员；令牌只显示一次）',
  request: {
    params: idParams,
    body: {
      required: false,
      content: { 'application/json': { schema: z.object({ label: shortText('备注', 60) }).strict() } },
    },
  },
  responses: {
    201: jsonResponse(z.object({ id: z.string(), token: z.string() }), '令牌仅显示一次'),
    ...adminOnly,
  },
} as const satisfies ApiRoute;
