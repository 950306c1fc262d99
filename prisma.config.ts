import { defineConfig } from 'prisma/config';

// The CLI is used here only for `prisma generate`; migrations are applied by src/platform/migrate.ts.
// The URL is kept so `prisma migrate deploy` works wherever the schema engine can be downloaded.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/postgres' },
});
