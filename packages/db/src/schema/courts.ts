import { pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';

/** A people's court. `code` is the court part of its case numbers, e.g. `琼9003`. */
export const courts = pgTable(
  'courts',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    code: text('code').notNull(),
    region: text('region').notNull(),
  },
  (t) => [uniqueIndex('courts_code_uq').on(t.code)],
);

export type CourtRow = typeof courts.$inferSelect;
