// `npm run db:migrate`: applies pending migrations to the database DATABASE_URL names
// (embedded PGlite or PostgreSQL). Safe to run repeatedly, and after a kill at any moment: a
// migration interrupted between its commit and its record is recognised from the schema and its
// record repaired before anything else runs (app/utils/migrations.server.ts).
//
// `npm run db:migrate -- --resolve <name>` looks at one interrupted migration and says what it
// found: applied (recorded so), not applied (recorded as rolled back, applied again by the next
// run), or neither — then it lists what differs and changes nothing.
import path from 'node:path'
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import { acquireDataDirLock } from '~/utils/data-dir-lock.server.ts'
import { readDatabaseConfig } from '~/utils/db-config.server.ts'
import { createPGlite, PGliteAdapterFactory, PostgresAdapterFactory } from '~/utils/driver-adapters.server.ts'
import { applyMigrations, resolveInterruptedMigration } from '~/utils/migrations.server.ts'

const config = readDatabaseConfig()
const args = process.argv.slice(2)
const resolving = args.indexOf('--resolve')

/** Runs `work` on the database without the app's start-up (which would repair records itself). */
async function withDatabase<T>(work: (factory: SqlMigrationAwareDriverAdapterFactory) => Promise<T>): Promise<T> {
  if (config.engine === 'postgres') return work(new PostgresAdapterFactory(config.url))
  if (config.engine !== 'pglite') throw new Error('An in-memory database has no migrations to resolve.')
  const release = acquireDataDirLock(config.dataDir)
  const pglite = createPGlite(path.join(config.dataDir, 'pgdata'))
  try {
    await pglite.waitReady
    return await work(new PGliteAdapterFactory(pglite))
  } finally {
    await pglite.close().catch(() => {})
    release()
  }
}

try {
  if (resolving >= 0) {
    const name = args[resolving + 1]
    if (!name) throw new Error('Name the migration: npm run db:migrate -- --resolve <folder name>')
    const result = await withDatabase((factory) => resolveInterruptedMigration(factory, name))
    if (result.outcome === 'applied') console.log(`${name}: its changes are in the database; recorded as applied.`)
    else if (result.outcome === 'rolled-back') {
      console.log(`${name}: none of its changes are in the database; recorded as rolled back. Run npm run db:migrate.`)
    } else {
      console.log(`${name}: the schema matches neither before nor after this migration. Nothing was changed.`)
      for (const line of result.unexpected) console.log(`  not expected: ${line}`)
      for (const line of result.missing) console.log(`  missing:      ${line}`)
      process.exitCode = 1
    }
  } else if (config.engine === 'postgres') {
    const applied = await applyMigrations(new PostgresAdapterFactory(config.url))
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.')
  } else {
    // The embedded engine migrates (and repairs) when it opens.
    const { databaseReady, closeDatabase } = await import('~/utils/db.server.ts')
    await databaseReady()
    await closeDatabase()
    console.log('The embedded database is up to date.')
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
}
