import { bigint, boolean, doublePrecision, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * Token buckets of the public API's rate limit, shared by every server process on one
 * PostgreSQL. One row per client key; `tokens` as of `updated_ms` (epoch milliseconds).
 * `allowed` tells the caller whether the request that last touched the row took a token.
 */
export const rateLimitBuckets = pgTable('rate_limit_buckets', {
  key: text('key').primaryKey(),
  tokens: doublePrecision('tokens').notNull(),
  updatedMs: bigint('updated_ms', { mode: 'number' }).notNull(),
  allowed: boolean('allowed').notNull(),
});
