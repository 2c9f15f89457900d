import { defineConfig } from 'drizzle-kit';

/** Migrations are generated here and applied by `createDatabase` on both PGlite and PostgreSQL. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/index.ts',
  out: './drizzle',
});
