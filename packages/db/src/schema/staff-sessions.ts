import { index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { timestamptz } from './columns.ts';
import { staff } from './staff.ts';

/**
 * Console sessions (HttpOnly cookie). Only the SHA-256 of the session secret is stored; a
 * session ends at `expiresAt` (absolute), after `idleUntil` without use, or when revoked.
 */
export const staffSessions = pgTable(
  'staff_sessions',
  {
    id: text('id').primaryKey(),
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.id),
    secretHash: text('secret_hash').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    expiresAt: timestamptz('expires_at').notNull(),
    idleUntil: timestamptz('idle_until').notNull(),
    revokedAt: timestamptz('revoked_at'),
  },
  (t) => [
    uniqueIndex('staff_sessions_secret_uq').on(t.secretHash),
    index('staff_sessions_staff_idx').on(t.staffId),
  ],
);

export type StaffSessionRow = typeof staffSessions.$inferSelect;
