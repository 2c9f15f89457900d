import { type StatsResponse, statsRoute } from '@portal/contract';
import { listings } from '@portal/db/schema';
import { CATEGORIES, todayInChina } from '@portal/domain';
import { and, count, eq, gte, isNull, or, sql } from 'drizzle-orm';
import type { ApiApp, AppDeps } from '../../context.ts';

/**
 * Aggregate counts only (no personal data), computed from the system of record. "Listed" counts
 * what the public can see today (isPubliclyVisible in SQL: published, term not over), so an expired
 * listing leaves the figures before the expiry job removes it, on every process alike.
 */
export async function computeStats(
  deps: Pick<AppDeps, 'db'> & Partial<Pick<AppDeps, 'now'>>,
): Promise<StatsResponse> {
  const today = todayInChina(deps.now?.() ?? new Date());
  const visible = and(
    eq(listings.status, 'published'),
    or(isNull(listings.termEndsAt), gte(listings.termEndsAt, today)),
  );
  const byStatus = await deps.db
    .select({ status: listings.status, n: count(), demo: sql<boolean>`bool_or(${listings.demo})` })
    .from(listings)
    .groupBy(listings.status);
  const [listed] = await deps.db.select({ n: count() }).from(listings).where(visible);
  const byCat = await deps.db
    .select({ category: listings.category, n: count() })
    .from(listings)
    .where(visible)
    .groupBy(listings.category);
  const [liv] = await deps.db
    .select({ n: count() })
    .from(listings)
    .where(and(visible, eq(listings.livelihood, true)));
  const byCategory: Record<string, number> = {};
  for (const c of CATEGORIES) byCategory[String(c.code)] = 0;
  for (const r of byCat) byCategory[String(r.category)] = Number(r.n);
  const statusCount = (s: string) => Number(byStatus.find((r) => r.status === s)?.n ?? 0);
  return {
    listed: Number(listed?.n ?? 0),
    removed: statusCount('removed'),
    livelihood: Number(liv?.n ?? 0),
    byCategory,
    demo: byStatus.some((r) => r.demo),
  };
}

/** `GET /api/v1/stats` (CONTRACT.md). */
export function registerStats(app: ApiApp, deps: AppDeps): void {
  app.openapi(statsRoute, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await computeStats(deps), 200);
  });
}
