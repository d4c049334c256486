// `npm run db:migration -- <name>`: writes the next migration folder from the difference
// between prisma/migrations and prisma/schema.prisma (replayed in a throw-away PGlite).
import { createMigration } from '~/utils/migrations.server.ts'

const name = process.argv.slice(2).join('_')
const folder = await createMigration(name)
console.log(
  folder
    ? `Wrote ${folder}/migration.sql — review it, then commit it.`
    : 'schema.prisma and the migrations agree: nothing to do.',
)
