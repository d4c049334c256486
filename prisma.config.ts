// Prisma CLI configuration (used by `prisma generate`). The app picks its database engine at
// run time in app/utils/db.server.ts; migrations run through prisma/migrate.server.ts.
import { defineConfig } from 'prisma/config'

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
})
