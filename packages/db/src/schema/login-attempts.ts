import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { timestamptz } from './columns.ts';

/**
 * Failed sign-ins per client (keyed hash of the address, never the address) in a sliding window,
 * shared by every server process so guessing cannot be spread across them.
 */
export const loginAttempts = pgTable('login_attempts', {
  clientKey: text('client_key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: timestamptz('window_started_at').notNull(),
});
