/** Column helpers shared by the tables. */
import { timestamp } from 'drizzle-orm/pg-core';

/** `timestamptz` read and written as a JS `Date`. */
export function timestamptz(name: string) {
  return timestamp(name, { withTimezone: true, mode: 'date' });
}

/** `created_at` / `updated_at`, both defaulting to `now()`. */
export function createdUpdated() {
  return {
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  };
}
