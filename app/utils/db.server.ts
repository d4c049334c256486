import fs from 'node:fs'
import path from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import { createCaslExtension } from '@casl/prisma/runtime'
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import { PrismaClient } from '~/generated/prisma/client.ts'
import { acquireDataDirLock } from './data-dir-lock.server.ts'
import { readDatabaseConfig, type DatabaseConfig } from './db-config.server.ts'
import { logger } from './logger.server.ts'
import { applyMigrations } from './migrations.server.ts'
import { PGliteAdapterFactory, PostgresAdapterFactory, createPGlite } from './driver-adapters.server.ts'
import { requestScope } from './request-scope.server.ts'
import { singleton } from './singleton.server.ts'

function createClient(adapter: SqlMigrationAwareDriverAdapterFactory) {
  // The CASL extension turns an `accessibleBy` that allows nothing into "no rows" instead of an error.
  return new PrismaClient({ adapter }).$extends(createCaslExtension())
}

export type Db = ReturnType<typeof createClient>

interface Database {
  config: DatabaseConfig
  prisma: Db
  /** A read replica of the PostgreSQL primary (DATABASE_READ_URL), for reads that may lag a moment. */
  replica?: Db
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
    const readUrl = process.env.DATABASE_READ_URL
    const replica = readUrl ? createClient(new PostgresAdapterFactory(readUrl, poolSize)) : undefined
    return {
      config,
      prisma,
      replica,
      ready: Promise.resolve(),
      close: async () => {
        await Promise.all([prisma.$disconnect(), replica?.$disconnect()])
      },
    }
  }

  // Taken when the database is first awaited, so a refusal (the folder in use) is a start-up error with a message.
  const locked: Promise<() => void> = Promise.resolve().then(() =>
    config.engine === 'pglite' ? acquireDataDirLock(config.dataDir) : () => {},
  )
  const opened: Promise<PGlite> = locked.then(() =>
    config.engine === 'pglite' ? openDataFolder(path.join(config.dataDir, 'pgdata')) : createPGlite(),
  )
  const factory = new PGliteAdapterFactory(opened)
  const ready = opened.then(async () => {
    const applied = await applyMigrations(factory)
    if (applied.length) logger.info({ applied }, 'applied database migrations')
  })
  const releaseLock = () =>
    locked.then(
      (release) => release(),
      () => {},
    )
  ready.catch(releaseLock)
  const prisma = createClient(factory)
  return {
    config,
    prisma,
    ready,
    async close() {
      await prisma.$disconnect().catch(() => {})
      const pglite = await opened.catch(() => null)
      if (pglite && !pglite.closed) await pglite.close().catch(() => {})
      await releaseLock()
    },
  }
}

const STAGING_PREFIX = 'pgdata.new-'

/**
 * Opens the embedded engine's folder. A new one is made elsewhere first — created, migrated,
 * closed — and only then moved into place: a start killed at any moment leaves either no
 * folder (the next start begins again, clearing the half-made one) or a complete one. A folder
 * made in place and killed half-way would never open again.
 */
async function openDataFolder(pgdata: string): Promise<PGlite> {
  const parent = path.dirname(pgdata)
  // Half-made folders of an interrupted first start (the folder's lock is ours, so nobody uses them).
  for (const entry of fs.readdirSync(parent)) {
    if (entry.startsWith(STAGING_PREFIX)) fs.rmSync(path.join(parent, entry), { recursive: true, force: true })
  }
  if (!fs.existsSync(pgdata)) {
    const staging = path.join(parent, `${STAGING_PREFIX}${process.pid}`)
    const fresh = createPGlite(staging)
    try {
      await fresh.waitReady
      await applyMigrations(new PGliteAdapterFactory(fresh))
    } finally {
      await fresh.close().catch(() => {})
    }
    fs.renameSync(staging, pgdata)
    syncFolder(parent)
    logger.info({ folder: pgdata }, 'created the embedded database')
  }
  const pglite = createPGlite(pgdata)
  await pglite.waitReady
  return pglite
}

/** Makes a rename in `folder` durable (where the platform allows opening a folder). */
function syncFolder(folder: string) {
  try {
    const fd = fs.openSync(folder, 'r')
    try {
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
  } catch {
    // not supported here (Windows): the rename is still atomic
  }
}

const database = singleton('database', () => openDatabase(readDatabaseConfig()))

/** The Prisma client for every query in the app. */
export const prisma: Db = database.prisma
export const databaseConfig = database.config
export const databaseReady = (): Promise<void> => database.ready
export const closeDatabase = (): Promise<void> => database.close()

/**
 * Where reads that may come from a replica go: the read replica (DATABASE_READ_URL) when there is
 * one, except in a request of a user who has just written something the replica has not replayed
 * yet (read-your-own-writes, decided per request in app/server/requests.ts): then the primary.
 * Only the frontline's reading pages use it; everything that writes, and sign-in, uses `prisma`.
 */
export function readingDb(): Db {
  return database.replica && !requestScope()?.readFromPrimary ? database.replica : database.prisma
}

export const hasReadReplica = (): boolean => database.replica !== undefined

const LSN = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/

/** The primary's current write position (a WAL LSN such as "0/3000148"), after a request wrote. */
export async function primaryWritePosition(): Promise<string> {
  const [row] = await database.prisma.$queryRaw<{ lsn: string }[]>`SELECT pg_current_wal_lsn()::text AS "lsn"`
  return row!.lsn
}

/** Whether the replica has replayed everything up to `position` (anything unreadable counts as no). */
export async function replicaHasReplayed(position: string): Promise<boolean> {
  if (!database.replica || !LSN.test(position)) return false
  const [row] = await database.replica.$queryRaw<{ replayed: boolean | null }[]>`
    SELECT pg_last_wal_replay_lsn() >= ${position}::pg_lsn AS "replayed"`
  return row?.replayed === true
}
