import { executionUnits, listings, staff } from '@portal/db/schema';
import { backends } from '@portal/db/testing';
import { count, desc, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';

const pglite = backends().filter((b) => b.kind === 'pglite');

describe.each(pglite)('bootstrap accounts on a first start with demo data ($kind)', (backend) => {
  let t: TestRuntime | undefined;
  afterEach(() => t?.close());

  it('puts the bootstrap admin in the demo court whose units hold the most listings, so its units show', async () => {
    t = await openTestRuntime(
      backend,
      { DEMO_RECORDS: '150', STAFF_BOOTSTRAP_ADMIN: 'admin:demo-password-123' },
      { seedStaff: false },
    );
    const db = t.rt.deps.db;
    const [admin] = await db.select().from(staff).where(eq(staff.username, 'admin'));
    const [busiest] = await db
      .select({ courtId: executionUnits.courtId, n: count() })
      .from(listings)
      .innerJoin(executionUnits, eq(listings.unitId, executionUnits.id))
      .groupBy(executionUnits.courtId)
      .orderBy(desc(count()), executionUnits.courtId)
      .limit(1);
    expect(busiest).toBeDefined();
    expect(admin?.courtId).toBe(busiest?.courtId);

    const login = await t.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'http://localhost' },
      body: JSON.stringify({ username: 'admin', password: 'demo-password-123' }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const units = (await (
      await t.request('/api/v1/admin/units', { headers: { Cookie: cookie } })
    ).json()) as {
      total: number;
      items: { name: string }[];
    };
    expect(units.total).toBeGreaterThan(0);
    expect(units.items[0]?.name).toMatch(/执行团队/);
  });
});
