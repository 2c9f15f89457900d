/**
 * Fast multi-row INSERT: one text parameter per column holding a PostgreSQL array literal, expanded
 * with `unnest`. Drizzle's builder spends ~0.4 s composing a 1,000-row × 31-column statement; this
 * takes a few milliseconds and sends 31 parameters instead of 31,000 — identical on both engines.
 */
import { getTableColumns, type InferInsertModel, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database } from './client.ts';

function arrayElement(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  const text =
    typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : String(value);
  return `"${text.replace(/[\\"]/g, '\\$&')}"`;
}

/** `{"a","b",NULL}`: a PostgreSQL array literal of the values' text forms. */
export function toArrayLiteral(values: readonly unknown[]): string {
  return `{${values.map(arrayElement).join(',')}}`;
}

/**
 * Inserts rows in one statement. The first row decides the columns: keys it leaves out take their
 * defaults in every row; a later row missing one of its keys stores NULL there.
 *
 * @example
 * await bulkInsert(db, listings, rows.map((r) => toNewListingRow(r)));
 */
export async function bulkInsert<T extends PgTable>(
  db: Database,
  table: T,
  rows: readonly InferInsertModel<T>[],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = getTableColumns(table);
  const keys = Object.keys(first).filter(
    (key) => key in columns && (first as Record<string, unknown>)[key] !== undefined,
  );
  const names = keys.map((key) => sql.identifier(columns[key]!.name));
  const arrays = keys.map((key) => {
    const column = columns[key]!;
    const values = rows.map((row) => {
      const value = (row as Record<string, unknown>)[key];
      return value === null || value === undefined ? null : column.mapToDriverValue(value);
    });
    return sql`${sql.param(toArrayLiteral(values))}::${sql.raw(column.getSQLType())}[]`;
  });
  await db.execute(
    sql`insert into ${table} (${sql.join(names, sql`, `)}) select * from unnest(${sql.join(arrays, sql`, `)})`,
  );
}
