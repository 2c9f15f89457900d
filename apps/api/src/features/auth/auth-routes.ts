import {
  loginRoute,
  logoutRoute,
  meRoute,
  sessionRoute,
  totpEnableRoute,
  totpSetupRoute,
} from '@portal/contract';
import { appendAudit } from '@portal/db';
import { staff } from '@portal/db/schema';
import { eq } from 'drizzle-orm';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { ApiApp, AppDeps } from '../../context.ts';
import { ApiError } from '../../errors.ts';
import { clientNetworkOf } from '../../http/client-identity.ts';
import { assertSameOriginWrite } from '../../http/csrf.ts';
import { staffOf } from '../../http/require-staff.ts';
import { login } from './login-service.ts';
import { findSessionPrincipal, revokeSession, SESSION_COOKIE } from './sessions.ts';
import { newTotpSecret, totpUri, verifyTotp } from './totp.ts';

/** Staff sign-in with the console's session cookie (CONTRACT.md "Staff accounts and console"). */
export function registerAuth(app: ApiApp, deps: AppDeps): void {
  const allowedOrigins = deps.env.CORS_ORIGINS?.split(',').map((o) => o.trim()) ?? [];

  app.openapi(loginRoute, async (c) => {
    // login CSRF: a foreign page must not sign the browser in to an account of its choosing
    if (c.req.header('origin') || c.req.header('sec-fetch-site')) assertSameOriginWrite(c, allowedOrigins);
    const clientKey = deps.hashIdentifier(`login-client:${clientNetworkOf(c)}`);
    const { principal, session } = await login(deps, c.req.valid('json'), clientKey);
    setCookie(c, SESSION_COOKIE, session.secret, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: new URL(c.req.url).protocol === 'https:' || deps.env.NODE_ENV === 'production',
      expires: session.expiresAt,
    });
    c.header('Cache-Control', 'no-store');
    return c.json(
      {
        staff: {
          id: principal.staffId,
          name: principal.name,
          role: principal.role,
          unitId: principal.unitId,
        },
        expiresAt: session.expiresAt.toISOString(),
      },
      200,
    );
  });

  app.openapi(logoutRoute, async (c) => {
    const secret = getCookie(c, SESSION_COOKIE);
    if (secret) {
      assertSameOriginWrite(c, allowedOrigins);
      const principal = await findSessionPrincipal(deps.db, secret, deps.now());
      if (principal) {
        await revokeSession(deps.db, principal.sessionId, deps.now());
        await appendAudit(deps.db, {
          actor: principal.staffId,
          action: 'staff.logout',
          entity: 'staff',
          entityId: principal.staffId,
          details: { session: principal.sessionId },
        });
      }
    }
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ signedOut: true as const }, 200);
  });

  app.openapi(meRoute, (c) => {
    const me = staffOf(c);
    return c.json({ id: me.staffId, name: me.name, role: me.role, unitId: me.unitId }, 200);
  });

  app.openapi(sessionRoute, async (c) => {
    c.header('Cache-Control', 'no-store');
    const secret = getCookie(c, SESSION_COOKIE);
    const principal = secret ? await findSessionPrincipal(deps.db, secret, deps.now()) : null;
    const staff = principal
      ? { id: principal.staffId, name: principal.name, role: principal.role, unitId: principal.unitId }
      : null;
    return c.json({ staff }, 200);
  });

  app.openapi(totpSetupRoute, async (c) => {
    const me = staffOf(c);
    const [account] = await deps.db.select().from(staff).where(eq(staff.id, me.staffId));
    if (!account?.username)
      throw new ApiError('INVALID_STATE', { message: '只有设置了密码登录的账号才能启用双重验证。' });
    if (account.totpEnabled) throw new ApiError('INVALID_STATE', { message: '双重验证已启用。' });
    const secret = newTotpSecret();
    await deps.db
      .update(staff)
      .set({ totpSecretSealed: deps.sealedBox.seal(secret) })
      .where(eq(staff.id, me.staffId));
    c.header('Cache-Control', 'no-store');
    return c.json({ secret, uri: totpUri(secret, account.username) }, 200);
  });

  app.openapi(totpEnableRoute, async (c) => {
    const me = staffOf(c);
    const [account] = await deps.db.select().from(staff).where(eq(staff.id, me.staffId));
    if (!account?.totpSecretSealed || account.totpEnabled) {
      throw new ApiError('INVALID_STATE', { message: '请先生成双重验证密钥。' });
    }
    const ok = verifyTotp(
      deps.sealedBox.open(account.totpSecretSealed),
      c.req.valid('json').code,
      deps.now().getTime(),
    );
    if (!ok)
      throw new ApiError('VALIDATION_FAILED', {
        field: 'code',
        message: '动态验证码不正确，请核对手机上的验证码。',
      });
    await deps.db.update(staff).set({ totpEnabled: 1 }).where(eq(staff.id, me.staffId));
    await appendAudit(deps.db, {
      actor: me.staffId,
      action: 'staff.totp.enable',
      entity: 'staff',
      entityId: me.staffId,
    });
    return c.json({ totpEnabled: true as const }, 200);
  });
}
