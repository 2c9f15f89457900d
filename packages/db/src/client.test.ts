import { eq, sql } from 'drizzle-orm';
import { expect, test } from 'vitest';
import { auditLog, courts, executionUnits, listings } from './schema/index.ts';
import { forEachBackend } from './testing.ts';

const draft = {
  id: 'L-test-1',
  kind: 'org' as const,
  name: '海南某某建筑工程有限公司',
  uscc: '91460000MA5T000000',
  legalRepresentative: '王某',
  caseNo: '（2020）琼9003执123号',
  court: '儋州市人民法院',
  filedAt: '2020-03-01',
  basisIssuer: '儋州市人民法院',
  basisDocNo: '（2019）琼9003民初45号',
  obligation: '支付货款',
  performance: '全部未履行',
  category: 1 as const,
  amountOwedFen: 9_007_199_254_740,
  region: '儋州市',
};

forEachBackend('database client', (t) => {
  test('applies every migration so all tables exist and start empty', async () => {
    expect(await t.db.$count(listings)).toBe(0);
    expect(await t.db.$count(courts)).toBe(0);
    expect(await t.db.$count(auditLog)).toBe(0);
  });

  test('round-trips a listing with big fen amounts and string dates', async () => {
    await t.db.insert(listings).values(draft);
    const [row] = await t.db.select().from(listings).where(eq(listings.id, draft.id));
    expect(row).toMatchObject({ ...draft, status: 'draft', version: 1, demo: false, livelihood: false });
    expect(row?.createdAt).toBeInstanceOf(Date);
  });

  test('bumps version and updated_at on every update, whoever writes', async () => {
    await t.db.insert(listings).values(draft);
    await t.db.update(listings).set({ performance: '部分履行' }).where(eq(listings.id, draft.id));
    const [row] = await t.db
      .update(listings)
      .set({ status: 'published' })
      .where(eq(listings.id, draft.id))
      .returning();
    expect(row?.version).toBe(3);
  });

  test('refuses to update or delete audit rows', async () => {
    await t.db.insert(auditLog).values({
      at: new Date(),
      actor: 'x',
      action: 'test',
      entity: 'listing',
      entityId: '1',
      prevHash: '',
      hash: 'h',
    });
    await expect(t.db.update(auditLog).set({ reason: 'changed' })).rejects.toThrow();
    await expect(t.db.delete(auditLog)).rejects.toThrow();
    await expect(t.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    expect(await t.db.$count(auditLog)).toBe(1);
  });

  test('rejects a listing that points at an unknown execution unit', async () => {
    await expect(t.db.insert(listings).values({ ...draft, unitId: 'nope' })).rejects.toThrow();
    await t.db.insert(courts).values({ id: 'c1', name: '儋州市人民法院', code: '琼9003', region: '儋州市' });
    await t.db.insert(executionUnits).values({
      id: 'u1',
      courtId: 'c1',
      name: '执行一组',
      judge: '甲',
      assistant: '乙',
      clerk: '丙',
      bailiff: '丁',
    });
    await t.db.insert(listings).values({ ...draft, unitId: 'u1' });
    expect(await t.db.$count(listings)).toBe(1);
  });
});
