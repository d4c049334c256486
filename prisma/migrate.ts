// `npm run db:migrate`: applies pending migrations to the database DATABASE_URL names
// (embedded PGlite or PostgreSQL). Safe to run repeatedly; deploys run it before starting.
import { readDatabaseConfig } from '~/utils/db-config.server.ts'
import { PostgresAdapterFactory } from '~/utils/driver-adapters.server.ts'
import { applyMigrations } from '~/utils/migrations.server.ts'

const config = readDatabaseConfig()
if (config.engine === 'postgres') {
  const applied = await applyMigrations(new PostgresAdapterFactory(config.url))
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.')
} else {
  // The embedded engine migrates when it opens.
  const { databaseReady, closeDatabase } = await import('~/utils/db.server.ts')
  await databaseReady()
  await closeDatabase()
  console.log('The embedded database is up to date.')
}
