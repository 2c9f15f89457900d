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

/** Takes `n` tokens at once or none, in one atomic upsert (refill included). */
async function takeTokens(db: Database, key: string, bucket: BucketSpec, nowMs: number, n: number) {
  const refilled = sql`least(${bucket.capacity}::double precision, ${rateLimitBuckets.tokens} + greatest(0, ${nowMs}::bigint - ${rateLimitBuckets.updatedMs}) * ${bucket.refillPerMs}::double precision)`;
  const [row] = await db
    .insert(rateLimitBuckets)
    .values({ key, tokens: bucket.capacity - n, updatedMs: nowMs, allowed: true })
    .onConflictDoUpdate({
      target: rateLimitBuckets.key,
      set: {
        tokens: sql`case when ${refilled} >= ${n} then ${refilled} - ${n} else ${refilled} end`,
        allowed: sql`${refilled} >= ${n}`,
        updatedMs: sql`greatest(${rateLimitBuckets.updatedMs}, ${nowMs}::bigint)`,
      },
    })
    .returning({ tokens: rateLimitBuckets.tokens, allowed: rateLimitBuckets.allowed });
  return { allowed: !row || row.allowed, tokens: row?.tokens ?? 0 };
}

async function giveBackToken(db: Database, key: string, bucket: BucketSpec) {
  await db
    .update(rateLimitBuckets)
    .set({ tokens: sql`least(${bucket.capacity}::double precision, ${rateLimitBuckets.tokens} + 1)` })
    .where(sql`${rateLimitBuckets.key} = ${key}`);
}

/**
 * Buckets in PostgreSQL (`rate_limit_buckets`, migration 0005): one atomic upsert per request
 * refills, takes a token if there is one, and says whether it did, so concurrent requests on
 * several processes never take the same token twice.
 */
export function createPostgresRateLimitStore(db: Database): RateLimitStore {
  return {
    async take(key, bucket, nowMs) {
      const one = await takeTokens(db, key, bucket, nowMs, 1);
      return one.allowed
        ? { allowed: true, retryAfterMs: 0 }
        : { allowed: false, retryAfterMs: waitFor(one.tokens, bucket) };
    },
    giveBack: (key, bucket) => giveBackToken(db, key, bucket),
  };
}

/** Tokens a process takes from a shared bucket at once: a twentieth of it (1 for small buckets). */
export function leaseSize(bucket: BucketSpec): number {
  return Math.max(1, Math.floor(bucket.capacity / 20));
}

/**
 * The PostgreSQL buckets without a database round trip per request: a process takes a client's
 * tokens from the shared bucket in leases (`leaseSize`: 10 of the public API's 200 at the default
 * limit) and spends them locally. The shared bucket is never overdrawn, so a client still cannot
 * multiply its budget by the number of processes; a nearly empty bucket is taken from one token
 * at a time, so the whole budget stays usable. Small buckets (tips, look-ups, identifier queries)
 * lease one token: exactly the per-request store. Measured before: one upsert per public request
 * halved search throughput (tests/bench/http-search.bench.ts, `--rate-limit`).
 */
export function createLeasedRateLimitStore(db: Database, maxClients = 100_000): RateLimitStore {
  const leases = new Map<string, number>();
  return {
    async take(key, bucket, nowMs) {
      const left = leases.get(key) ?? 0;
      if (left >= 1) {
        if (left === 1) leases.delete(key);
        else leases.set(key, left - 1);
        return { allowed: true, retryAfterMs: 0 };
      }
      const size = leaseSize(bucket);
      if (size > 1 && (await takeTokens(db, key, bucket, nowMs, size)).allowed) {
        leases.set(key, (leases.get(key) ?? 0) + size - 1);
        // forgetting a lease only costs that client its few leased tokens
        if (leases.size > maxClients) leases.delete(leases.keys().next().value as string);
        return { allowed: true, retryAfterMs: 0 };
      }
      const one = await takeTokens(db, key, bucket, nowMs, 1);
      return one.allowed
        ? { allowed: true, retryAfterMs: 0 }
        : { allowed: false, retryAfterMs: waitFor(one.tokens, bucket) };
    },
    giveBack: (key, bucket) => giveBackToken(db, key, bucket),
  };
}
