import path from 'node:path'
import { createCaslExtension } from '@casl/prisma/runtime'
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import { PrismaClient } from '~/generated/prisma/client.ts'
import { acquireDataDirLock } from './data-dir-lock.server.ts'
import { readDatabaseConfig, type DatabaseConfig } from './db-config.server.ts'
import { logger } from './logger.server.ts'
import { applyMigrations } from './migrations.server.ts'
import { PGliteAdapterFactory, PostgresAdapterFactory, createPGlite } from './driver-adapters.server.ts'
import { singleton } from './singleton.server.ts'

function createClient(adapter: SqlMigrationAwareDriverAdapterFactory) {
  // The CASL extension turns an `accessibleBy` that allows nothing into "no rows" instead of an error.
  return new PrismaClient({ adapter }).$extends(createCaslExtension())
}

export type Db = ReturnType<typeof createClient>

interface Database {
  config: DatabaseConfig
  prisma: Db
  /** Resolves once the database is open and, on the embedded engine, migrated. */
  ready: Promise<void>
  close(): Promise<void>
}

/**
 * Opens the engine DATABASE_URL names. Embedded PGlite takes the data-folder lock and applies
 * pending migrations itself; PostgreSQL is migrated by a deploy step (`npm run db:migrate`).
 */
function openDatabase(config: DatabaseConfig): Database {
  if (config.engine === 'postgres') {
    const poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 10)
    const prisma = createClient(new PostgresAdapterFactory(config.url, poolSize))
    return { config, prisma, ready: Promise.resolve(), close: () => prisma.$disconnect() }
  }

  const releaseLock = config.engine === 'pglite' ? acquireDataDirLock(config.dataDir) : () => {}
  const pglite = createPGlite(config.engine === 'pglite' ? path.join(config.dataDir, 'pgdata') : undefined)
  const factory = new PGliteAdapterFactory(pglite)
  const ready = pglite.waitReady.then(async () => {
    const applied = await applyMigrations(factory)
    if (applied.length) logger.info({ applied }, 'applied database migrations')
  })
  ready.catch(() => releaseLock())
  const prisma = createClient(factory)
  return {
    config,
    prisma,
    ready,
    async close() {
      await prisma.$disconnect().catch(() => {})
      if (!pglite.closed) await pglite.close().catch(() => {})
      releaseLock()
    },
  }
}

const database = singleton('database', () => openDatabase(readDatabaseConfig()))

/** The Prisma client for every query in the app. */
export const prisma: Db = database.prisma
export const databaseConfig = database.config
export const databaseReady = (): Promise<void> => database.ready
export const closeDatabase = (): Promise<void> => database.close()
