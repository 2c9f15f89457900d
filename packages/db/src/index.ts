/**
 * @portal/db: the system of record (PostgreSQL or PGlite through drizzle), its audit trail and
 * outbox. Test helpers live in `@portal/db/testing`, the tables in `@portal/db/schema`.
 */
export * from './audit.ts';
export * from './bulk-insert.ts';
export * from './canonical-json.ts';
export * from './change-feed.ts';
export * from './client.ts';
export * from './id-number-migration.ts';
export * from './id-number-vault.ts';
export * from './ids.ts';
export * from './listings-repo.ts';
export * from './outbox.ts';
export * from './published-records-copy.ts';
export * from './redact.ts';
export * from './schema/index.ts';
