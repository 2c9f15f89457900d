import { index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdUpdated, timestamptz } from './columns.ts';
import { courts } from './courts.ts';
import { executionUnits } from './execution-units.ts';

/**
 * court_admin: all units, accounts, units and tokens; unit_member: its unit's cases and tips;
 * custodian: approves identity reveals of tipsters, nothing else.
 */
export type StaffRole = 'court_admin' | 'unit_member' | 'custodian';

export const STAFF_ROLES: readonly StaffRole[] = ['court_admin', 'unit_member', 'custodian'];

/** Court staff who may use the staff API. Unit members see only their unit's work. */
export const staff = pgTable(
  'staff',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    role: text('role').$type<StaffRole>().notNull(),
    courtId: text('court_id')
      .notNull()
      .references(() => courts.id),
    unitId: text('unit_id').references(() => executionUnits.id),
    /** sign-in name for the console; null for token-only staff (scripts) */
    username: text('username'),
    /** `scrypt$N$r$p$salt$hash` (base64url); null: no password sign-in */
    passwordHash: text('password_hash'),
    /** TOTP secret, sealed (AES-256-GCM); null: no second factor */
    totpSecretSealed: text('totp_secret_sealed'),
    totpEnabled: integer('totp_enabled').notNull().default(0),
    /** failed sign-ins since the last success (lockout window) */
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamptz('locked_until'),
    disabledAt: timestamptz('disabled_at'),
    ...createdUpdated(),
  },
  (t) => [
    index('staff_court_idx').on(t.courtId),
    index('staff_unit_idx').on(t.unitId),
    uniqueIndex('staff_username_uq').on(t.username),
  ],
);

export type StaffRow = typeof staff.$inferSelect;
