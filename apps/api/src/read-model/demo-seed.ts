import { appendAudit, type Database, type IdNumberVault, insertListings } from '@portal/db';
import { courts, executionUnits, listings } from '@portal/db/schema';
import { generateDemoListings, generateDemoOrgStructure } from '@portal/demo-data';
import { todayInChina } from '@portal/domain';
import { count } from 'drizzle-orm';

/**
 * First start only: seeds `howMany` synthetic listings, published and marked demo, with the demo
 * courts and execution units. A database that already holds listings is never touched again, so
 * a restart keeps the same data and counts.
 */
export async function seedDemoDataOnce(
  db: Database,
  vault: IdNumberVault,
  howMany: number,
  progress: (msg: string) => void = () => {},
  now: () => Date = () => new Date(),
): Promise<number> {
  if (howMany <= 0) return 0;
  const [existing] = await db.select({ n: count() }).from(listings);
  if (Number(existing?.n ?? 0) > 0) return 0;
  const today = todayInChina(now());
  const structure = generateDemoOrgStructure();
  progress(`正在生成 ${howMany} 条演示数据（合成数据，非真实案件）…`);
  return db.transaction(async (tx) => {
    await tx.insert(courts).values(structure.courts).onConflictDoNothing();
    await tx.insert(executionUnits).values(structure.units).onConflictDoNothing();
    // small statements: PGlite's WebAssembly memory grows to the largest statement and never
    // shrinks, so 1,000-row inserts would keep ~300 MB more for the life of the process
    const ids = await insertListings(tx, generateDemoListings({ count: howMany, today }), {
      status: 'published',
      today,
      vault,
      batchSize: 100,
    });
    await appendAudit(tx, {
      actor: 'system',
      action: 'demo.seed',
      entity: 'listing',
      entityId: '*',
      reason: '首次启动，生成演示数据（合成数据，非真实案件）',
      details: { count: ids.length },
    });
    return ids.length;
  });
}
