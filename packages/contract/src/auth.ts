import { z } from 'zod';
import { errorResponses, jsonBody, jsonResponse } from './common.ts';
import type { ApiRoute } from './route.ts';

export const staffRoleSchema = z.enum(['court_admin', 'unit_member', 'custodian']).meta({
  description:
    'court_admin 法院管理员；unit_member 执行单元成员；custodian 身份保管人（仅审批举报人身份查看）',
});

export const loginBodySchema = z
  .object({
    username: z
      .string({ error: '请输入用户名。' })
      .trim()
      .min(1, '请输入用户名。')
      .max(64, '用户名最多 64 个字符。'),
    password: z.string({ error: '请输入密码。' }).min(1, '请输入密码。').max(200, '密码最多 200 个字符。'),
    totp: z
      .string()
      .regex(/^\d{6}$/, '动态验证码是 6 位数字。')
      .optional()
      .meta({ description: '已启用双重验证的账号必填' }),
  })
  .strict();

export const signedInStaffSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: staffRoleSchema,
    unitId: z.string().nullable(),
  })
  .meta({ id: 'SignedInStaff' });

export const loginResultSchema = z.object({
  staff: signedInStaffSchema,
  expiresAt: z.string().meta({ description: '会话最迟失效时间（ISO 8601）；闲置 30 分钟也会失效' }),
});

/** `POST /api/v1/auth/login`: password (+TOTP) sign-in; sets the HttpOnly session cookie. */
export const loginRoute = {
  method: 'post',
  path: '/api/v1/auth/login',
  tags: ['工作人员账号'],
  summary: '工作人员登录',
  request: { body: jsonBody(loginBodySchema) },
  responses: {
    200: jsonResponse(loginResultSchema, '已登录，响应设置 HttpOnly、SameSite=Strict 的会话 Cookie'),
    ...errorResponses(400, 401, 403, 429),
  },
} as const satisfies ApiRoute;

/** `POST /api/v1/auth/logout`: ends the cookie's session (idempotent). */
export const logoutRoute = {
  method: 'post',
  path: '/api/v1/auth/logout',
  tags: ['工作人员账号'],
  summary: '退出登录',
  responses: {
    200: jsonResponse(z.object({ signedOut: z.literal(true) }), '已退出'),
    ...errorResponses(403),
  },
} as const satisfies ApiRoute;

/** `GET /api/v1/admin/me`: who the cookie or token signs in as. */
export const meRoute = {
  method: 'get',
  path: '/api/v1/admin/me',
  tags: ['工作人员账号'],
  summary: '当前登录的工作人员',
  responses: { 200: jsonResponse(signedInStaffSchema, '当前工作人员'), ...errorResponses(401) },
} as const satisfies ApiRoute;

/**
 * `GET /api/v1/auth/session`: whether the browser's session cookie signs anyone in. Always 200 (the
 * console asks it on every visit: a 401 there would be logged as an error by the browser).
 */
export const sessionRoute = {
  method: 'get',
  path: '/api/v1/auth/session',
  tags: ['工作人员账号'],
  summary: '当前浏览器会话（未登录时 staff 为 null）',
  responses: {
    200: jsonResponse(
      z.object({ staff: signedInStaffSchema.nullable() }),
      '已登录时为当前工作人员，未登录或会话已失效时为 null',
    ),
  },
} as const satisfies ApiRoute;

/** `POST /api/v1/admin/me/totp`: a new TOTP secret to enrol (not active until confirmed). */
export const totpSetupRoute = {
  method: 'post',
  path: '/api/v1/admin/me/totp',
  tags: ['工作人员账号'],
  summary: '生成双重验证密钥',
  responses: {
    200: jsonResponse(
      z.object({
        secret: z.string(),
        uri: z.string().meta({ description: 'otpauth:// 链接，供身份验证器扫码' }),
      }),
      '密钥仅显示一次；确认验证码后才启用',
    ),
    ...errorResponses(401, 403),
  },
} as const satisfies ApiRoute;

/** `POST /api/v1/admin/me/totp/enable`: confirms the enrolment with a current code. */
export const totpEnableRoute = {
  method: 'post',
  path: '/api/v1/admin/me/totp/enable',
  tags: ['工作人员账号'],
  summary: '启用双重验证',
  request: {
    body: jsonBody(z.object({ code: z.string().regex(/^\d{6}$/, '动态验证码是 6 位数字。') }).strict()),
  },
  responses: {
    200: jsonResponse(z.object({ totpEnabled: z.literal(true) }), '已启用'),
    ...errorResponses(400, 401, 403, 409),
  },
} as const satisfies ApiRoute;
