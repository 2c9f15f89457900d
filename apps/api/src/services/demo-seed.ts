import { appendAudit, type Database } from '@portal/db';
import { courts, executionUnits, listings } from '@portal/db/schema';
import { generateDemoListings, generateDemoOrgStructure } from '@portal/demo-data';
import { termEndsAt, todayInChina, validateListingDraft } from '@portal/domain';
import { count, eq } from 'drizzle-orm';
import { draftToRow, newListingId } from './listing-rows.ts';

const BATCH = 500;

/**
 * First start only: seeds `howMany` synthetic listings, published and marked demo, with the demo
 * courts and execution units. A database that already holds listings is never touched again, so
 * a restart keeps the same data and counts.
 */
export async function seedDemoDataOnce(
  db: Database,
  howMany: number,
  progress: (msg: string) => void = () => {},
  now: () => Date = () => new Date(),
): Promise<number> {
  if (howMany <= 0) return 0;
  const [existing] = await db.select({ n: count() }).from(listings);
  if (Number(existing?.n ?? 0) > 0) return 0;
  const today = todayInChina(now());
  const structure = generateDemoOrgStructure();
  const unitByCourt = new Map<string, string>();
  for (const unit of structure.units) if (!unitByCourt.has(unit.courtId)) unitByCourt.set(unit.courtId, unit.id);
  const courtIdByName = new Map(structure.courts.map((c) => [c.name, c.id]));
  let seeded = 0;
  let batch: (typeof listings.$inferInsert)[] = [];
  await db.transaction(async (tx) => {
    const present = await tx.select({ id: courts.id }).from(courts).where(eq(courts.id, structure.courts[0]?.id ?? ''));
    if (present.length === 0) {
      await tx.insert(courts).values(structure.courts).onConflictDoNothing();
      await tx.insert(executionUnits).values(structure.units).onConflictDoNothing();
    }
    for (const draft of generateDemoListings({ count: howMany, today })) {
      const checked = validateListingDraft({ ...draft, demo: true }, { today });
      if (!checked.ok) continue; // the generator only makes valid drafts; a bad one is skipped, not stored
      const value = checked.value;
      const unitId = unitByCourt.get(courtIdByName.get(value.court) ?? '') ?? null;
      batch.push({
        ...draftToRow(value, { id: newListingId(), unitId, demo: true, status: 'published' }),
        termEndsAt: termEndsAt(value.category, value.listedAt, value.termExtensionYears),
        publishedAt: now(),
      });
      if (batch.length >= BATCH) {
        await tx.insert(listings).values(batch);
        seeded += batch.length;
        batch = [];
        progress(`正在生成演示数据：${seeded}/${howMany}`);
      }
    }
    if (batch.length > 0) await tx.insert(listings).values(batch);
    seeded += batch.length;
    await appendAudit(tx, {
      actor: 'system',
      action: 'demo.seed',
      entity: 'listing',
      entityId: '*',
      reason: '首次启动，生成演示数据（合成数据，非真实案件）',
      details: { count: seeded },
    });
  });
  return seeded;
}
