import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { courts } from './courts.ts';

/** 执行单元: the team (judge + assistant + clerk + bailiff) that enforces a case. */
export const executionUnits = pgTable(
  'execution_units',
  {
    id: text('id').primaryKey(),
    courtId: text('court_id')
      .notNull()
      .references(() => courts.id),
    name: text('name').notNull(),
    judge: text('judge').notNull(),
    assistant: text('assistant').notNull(),
    clerk: text('clerk').notNull(),
    bailiff: text('bailiff').notNull(),
  },
  (t) => [index('execution_units_court_idx').on(t.courtId)],
);

export type ExecutionUnitRow = typeof executionUnits.$inferSelect;
