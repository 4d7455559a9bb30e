import { defineConfig } from 'drizzle-kit'

// The PostgreSQL migrations; drizzle.config.ts has SQLite's. Both come from the same table definitions.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema-pg.ts',
  out: './drizzle-pg',
  casing: 'snake_case',
})
