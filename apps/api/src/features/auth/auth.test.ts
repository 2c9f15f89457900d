import { verifyAuditChain } from '@portal/db';
import { auditLog } from '@portal/db/schema';
import { backends } from '@portal/db/testing';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime, TOKENS } from '../../testing/test-runtime.ts';
import { base32Decode, totpCode } from './totp.ts';

const ORIGIN = 'http://portal.test';
const PASSWORD = '执行一组-Tz8#k2';

describe.each(backends())('staff accounts and console sessions on $kind', (backend) => {
  let t: TestRuntime;
  let clock: Date;
  beforeEach(async () => {
    clock = new Date('2026-11-30T02:00:00Z');
    t = await openTestRuntime(backend, {}, { now: () => clock });
  });
  afterEach(() => t.close());

  const advance = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };

  /** A browser request from the console's own origin (same-origin fetch). */
  function call(
    path: string,
    init: {
      method?: string;
      json?: unknown;
      cookie?: string;
      headers?: Record<string, string>;
      token?: string;
    } = {},
  ) {
    const headers: Record<string, string> = {
      'Sec-Fetch-Site': 'same-origin',
      Origin: ORIGIN,
      ...init.headers,
    };
    if (init.json !== undefined) headers['Content-Type'] = 'application/json';
    if (init.cookie) headers.Cookie = init.cookie;
    if (init.token) headers.Authorization = `Bearer ${init.token}`;
    return t.rt.app.request(`${ORIGIN}${path}`, {
      method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
      headers,
      ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
    });
  }

  async function createAccount(username: string, role = 'unit_member', unitId: string | null = 'U-A') {
    const res = await call('/api/v1/admin/staff', {
      token: TOKENS.admin,
      json: { username, password: PASSWORD, role, unitId, name: '测试人员' },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }

  async function signIn(username: string, password = PASSWORD, totp?: string) {
    return call('/api/v1/auth/login', { json: { username, password, ...(totp ? { totp } : {}) } });
  }

  function sessionCookie(res: Response): string {
    const header = res.headers.get('set-cookie') ?? '';
    const match = /portal_session=([^;]+)/.exec(header);
    expect(match, header).not.toBeNull();
    return `portal_session=${match![1]}`;
  }

  it('signs in with username and password: an HttpOnly SameSite=Strict cookie that opens the staff API until sign-out', async () => {
    await createAccount('yizu.clerk');
    const res = await signIn('yizu.clerk');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { staff: { role: string; unitId: string } };
    expect(body.staff).toMatchObject({ role: 'unit_member', unitId: 'U-A' });
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const cookie = sessionCookie(res);

    expect((await call('/api/v1/admin/me', { cookie })).status).toBe(200);
    expect((await call('/api/v1/admin/listings?status=draft', { cookie })).status).toBe(200);
    expect((await call('/api/v1/auth/logout', { method: 'POST', cookie })).status).toBe(200);
    expect((await call('/api/v1/admin/me', { cookie })).status).toBe(401);
  });

  it('tells the console whether its cookie signs anyone in, always with 200 (no 401 logged on a signed-out visit)', async () => {
    const session = async (cookie?: string) => {
      const res = await call('/api/v1/auth/session', cookie ? { cookie } : {});
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      return ((await res.json()) as { staff: { role: string; unitId: string | null } | null }).staff;
    };
    expect(await session()).toBeNull();
    expect(await session('portal_session=not-a-live-session')).toBeNull();
    await createAccount('yizu.viewer');
    const cookie = sessionCookie(await signIn('yizu.viewer'));
    expect(await session(cookie)).toMatchObject({ role: 'unit_member', unitId: 'U-A' });
    await call('/api/v1/auth/logout', { method: 'POST', cookie });
    expect(await session(cookie)).toBeNull();
  });

  it('answers a wrong password and an unknown user alike (401 LOGIN_FAILED), and stores nothing that reveals the password', async () => {
    await createAccount('yizu.judge');
    const wrong = await signIn('yizu.judge', 'not-the-password');
    const unknown = await signIn('nobody.here', 'not-the-password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [a, b] = [
      (await wrong.json()) as { error: { code: string; message: string } },
      (await unknown.json()) as { error: { code: string; message: string } },
    ];
    expect(a.error.code).toBe('LOGIN_FAILED');
    expect(b.error).toMatchObject({ code: a.error.code, message: a.error.message });
    expect(t.logLines.join('')).not.toContain(PASSWORD);
  });

  it('locks an account for 15 minutes after 5 wrong passwords in a row, even for the right password, then lets it in', async () => {
    await createAccount('guess.me');
    for (let i = 0; i < 5; i++) expect((await signIn('guess.me', `wrong-${i}-password`)).status).toBe(401);
    const locked = await signIn('guess.me');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await locked.json()) as { error: { code: string } }).error.code).toBe('LOGIN_THROTTLED');
    advance(15 * 60_000 + 1000);
    expect((await signIn('guess.me')).status).toBe(200);
    const audit = await t.rt.deps.db.select().from(auditLog).where(eq(auditLog.action, 'staff.login.locked'));
    expect(audit.length).toBe(1);
  });

  it('throttles one client guessing across many accounts after 20 failures', async () => {
    for (let i = 0; i < 20; i++) expect((await signIn(`user${i}.x`, 'guessing-password')).status).toBe(401);
    expect((await signIn('user99.x', 'guessing-password')).status).toBe(429);
    const other = await call('/api/v1/auth/login', {
      json: { username: 'user99.x', password: 'guessing-password' },
      headers: { 'x-test-client': '203.0.113.9' },
    });
    expect(other.status).toBe(401);
  });

  it('refuses cross-site writes carried by the session cookie (403 CSRF_REJECTED); bearer tokens are unaffected', async () => {
    await createAccount('csrf.target');
    const cookie = sessionCookie(await signIn('csrf.target'));
    const draft = { kind: 'person' };
    const crossSite = await call('/api/v1/admin/listings', {
      cookie,
      json: draft,
      headers: { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    expect(((await crossSite.json()) as { error: { code: string } }).error.code).toBe('CSRF_REJECTED');
    const noHeaders = await t.rt.app.request(`${ORIGIN}/api/v1/admin/listings`, {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/json', Origin: 'https://evil.example' },
      body: '{}',
    });
    expect(noHeaders.status).toBe(403);
    const sameOrigin = await call('/api/v1/admin/listings', { cookie, json: draft });
    expect(sameOrigin.status).toBe(400);
    const loginFromElsewhere = await call('/api/v1/auth/login', {
      json: { username: 'csrf.target', password: PASSWORD },
      headers: { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.example' },
    });
    expect(loginFromElsewhere.status).toBe(403);
  });

  it('ends a session after 30 idle minutes and after 12 hours of use', async () => {
    await createAccount('idle.clerk');
    const idle = sessionCookie(await signIn('idle.clerk'));
    advance(31 * 60_000);
    expect((await call('/api/v1/admin/me', { cookie: idle })).status).toBe(401);

    const busy = sessionCookie(await signIn('idle.clerk'));
    for (let h = 0; h < 12 * 4; h++) {
      advance(15 * 60_000);
      const res = await call('/api/v1/admin/me', { cookie: busy });
      if (h < 12 * 4 - 1) expect(res.status, `after ${(h + 1) * 15} min`).toBe(200);
      else expect(res.status).toBe(401);
    }
  });

  it('asks for a TOTP code once the second factor is enabled, and refuses a wrong one', async () => {
    await createAccount('totp.user');
    const cookie = sessionCookie(await signIn('totp.user'));
    const setup = await call('/api/v1/admin/me/totp', { method: 'POST', cookie });
    expect(setup.status).toBe(200);
    const { secret, uri } = (await setup.json()) as { secret: string; uri: string };
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    const code = () => totpCode(base32Decode(secret), clock.getTime());
    expect(
      (
        await call('/api/v1/admin/me/totp/enable', {
          cookie,
          json: { code: '000000' === code() ? '111111' : '000000' },
        })
      ).status,
    ).toBe(400);
    expect((await call('/api/v1/admin/me/totp/enable', { cookie, json: { code: code() } })).status).toBe(200);

    const missing = await signIn('totp.user');
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('TOTP_REQUIRED');
    const wrongCode = code() === '123456' ? '654321' : '123456';
    expect((await signIn('totp.user', PASSWORD, wrongCode)).status).toBe(401);
    expect((await signIn('totp.user', PASSWORD, code())).status).toBe(200);
  });

  it('lets only court admins manage units, accounts and tokens, and audits every change', async () => {
    const unit = await call('/api/v1/admin/units', {
      token: TOKENS.admin,
      json: { name: '执行三组', judge: '丙法官' },
    });
    expect(unit.status).toBe(201);
    const { id: unitId } = (await unit.json()) as { id: string };
    const memberId = await createAccount('sanzu.clerk', 'unit_member', unitId);

    const memberCookie = sessionCookie(await signIn('sanzu.clerk'));
    expect((await call('/api/v1/admin/staff', { cookie: memberCookie })).status).toBe(403);
    expect((await call('/api/v1/admin/units', { cookie: memberCookie, json: { name: '越权' } })).status).toBe(
      403,
    );

    const dup = await call('/api/v1/admin/staff', {
      token: TOKENS.admin,
      json: { username: 'sanzu.clerk', password: PASSWORD, role: 'custodian' },
    });
    expect(dup.status).toBe(409);
    const weak = await call('/api/v1/admin/staff', {
      token: TOKENS.admin,
      json: { username: 'weak.one', password: 'short', role: 'custodian' },
    });
    expect(weak.status).toBe(400);
    expect(((await weak.json()) as { error: { field: string } }).error.field).toBe('password');
    const noUnit = await call('/api/v1/admin/staff', {
      token: TOKENS.admin,
      json: { username: 'no.unit', password: PASSWORD, role: 'unit_member' },
    });
    expect(noUnit.status).toBe(400);

    const token = await call(`/api/v1/admin/staff/${memberId}/tokens`, {
      token: TOKENS.admin,
      json: { label: '导入脚本' },
    });
    expect(token.status).toBe(201);
    const { token: bearer } = (await token.json()) as { token: string };
    expect((await call('/api/v1/admin/me', { token: bearer })).status).toBe(200);

    const role = await call(`/api/v1/admin/staff/${memberId}/role`, {
      token: TOKENS.admin,
      json: { role: 'custodian', unitId: null },
    });
    expect(role.status).toBe(200);
    expect(await role.json()).toMatchObject({ role: 'custodian', unitId: null });
    expect((await call('/api/v1/admin/me', { cookie: memberCookie })).status).toBe(401);

    const disabled = await call(`/api/v1/admin/staff/${memberId}/disable`, {
      method: 'POST',
      token: TOKENS.admin,
    });
    expect(disabled.status).toBe(200);
    expect((await call('/api/v1/admin/me', { token: bearer })).status).toBe(401);
    expect((await signIn('sanzu.clerk')).status).toBe(401);

    const actions = (await t.rt.deps.db.select({ action: auditLog.action }).from(auditLog)).map(
      (r) => r.action,
    );
    for (const action of [
      'unit.create',
      'staff.create',
      'staff.token.create',
      'staff.role.change',
      'staff.disable',
      'staff.login',
    ]) {
      expect(actions).toContain(action);
    }
    expect(await verifyAuditChain(t.rt.deps.db)).toMatchObject({ ok: true });
  });

  it('shows a custodian no listings and lets it act on none', async () => {
    await createAccount('keeper', 'custodian', null);
    const cookie = sessionCookie(await signIn('keeper'));
    const list = await call('/api/v1/admin/listings?status=published', { cookie });
    expect(list.status).toBe(200);
    expect(((await list.json()) as { total: number }).total).toBe(0);
  });
});
