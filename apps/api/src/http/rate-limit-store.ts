import type { Database } from '@portal/db';
import { rateLimitBuckets } from '@portal/db/schema';
import { sql } from 'drizzle-orm';

/** A token bucket: holds at most `capacity` tokens, refilled at `refillPerMs`; a request takes one. */
export interface BucketSpec {
  capacity: number;
  refillPerMs: number;
}

export interface TakeResult {
  allowed: boolean;
  /** When refused: milliseconds until a token is back. */
  retryAfterMs: number;
}

/**
 * Where the buckets live. The memory store serves one process (PGlite is single-process anyway);
 * several processes behind a load balancer share the PostgreSQL store, so a client cannot
 * multiply its budget by the number of processes.
 */
export interface RateLimitStore {
  take(key: string, bucket: BucketSpec, nowMs: number): Promise<TakeResult>;
  /** Returns one token taken for a request the server then refused (never above capacity). */
  giveBack(key: string, bucket: BucketSpec): Promise<void>;
}

function waitFor(tokens: number, bucket: BucketSpec): number {
  return Math.max(0, Math.ceil((1 - tokens) / bucket.refillPerMs));
}

/** Buckets in a Map; idle full buckets are dropped so memory follows active clients only. */
export function createMemoryRateLimitStore(maxClients = 100_000): RateLimitStore {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const sweep = (nowMs: number, bucket: BucketSpec) => {
    for (const [key, b] of buckets) {
      if (b.tokens + (nowMs - b.at) * bucket.refillPerMs >= bucket.capacity) buckets.delete(key);
    }
  };
  return {
    async take(key, bucket, nowMs) {
      const b = buckets.get(key);
      const tokens = b
        ? Math.min(bucket.capacity, b.tokens + Math.max(0, nowMs - b.at) * bucket.refillPerMs)
        : bucket.capacity;
      if (tokens >= 1) {
        buckets.set(key, { tokens: tokens - 1, at: nowMs });
        if (buckets.size > maxClients) sweep(nowMs, bucket);
        return { allowed: true, retryAfterMs: 0 };
      }
      buckets.set(key, { tokens, at: nowMs });
      return { allowed: false, retryAfterMs: waitFor(tokens, bucket) };
    },
    async giveBack(key, bucket) {
      const b = buckets.get(key);
      if (b) b.tokens = Math.min(bucket.capacity, b.tokens + 1);
    },
  };
}

/**
 * Buckets in PostgreSQL (`rate_limit_buckets`, migration 0005): one atomic upsert per request
 * refills, takes a token if there is one, and says whether it did, so concurrent requests on
 * several processes never take the same token twice.
 */
export function createPostgresRateLimitStore(db: Database): RateLimitStore {
  return {
    async take(key, bucket, nowMs) {
      const refilled = sql`least(${bucket.capacity}::double precision, ${rateLimitBuckets.tokens} + greatest(0, ${nowMs}::bigint - ${rateLimitBuckets.updatedMs}) * ${bucket.refillPerMs}::double precision)`;
      const [row] = await db
        .insert(rateLimitBuckets)
        .values({ key, tokens: bucket.capacity - 1, updatedMs: nowMs, allowed: true })
        .onConflictDoUpdate({
          target: rateLimitBuckets.key,
          set: {
            tokens: sql`case when ${refilled} >= 1 then ${refilled} - 1 else ${refilled} end`,
            allowed: sql`${refilled} >= 1`,
            updatedMs: sql`greatest(${rateLimitBuckets.updatedMs}, ${nowMs}::bigint)`,
          },
        })
        .returning({ tokens: rateLimitBuckets.tokens, allowed: rateLimitBuckets.allowed });
      if (!row || row.allowed) return { allowed: true, retryAfterMs: 0 };
      return { allowed: false, retryAfterMs: waitFor(row.tokens, bucket) };
    },
    async giveBack(key, bucket) {
      await db
        .update(rateLimitBuckets)
        .set({ tokens: sql`least(${bucket.capacity}::double precision, ${rateLimitBuckets.tokens} + 1)` })
        .where(sql`${rateLimitBuckets.key} = ${key}`);
    },
  };
}
