import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { createdUpdated } from './columns.ts';
import { courts } from './courts.ts';
import { executionUnits } from './execution-units.ts';

/** `custodian` approves a unit's request to see a tipster's identity (and nothing else of a unit's work). */
export type StaffRole = 'court_admin' | 'unit_member' | 'custodian';

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
    ...createdUpdated(),
  },
  (t) => [index('staff_court_idx').on(t.courtId), index('staff_unit_idx').on(t.unitId)],
);

export type StaffRow = typeof staff.$inferSelect;
