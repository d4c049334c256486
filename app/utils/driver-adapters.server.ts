import crypto from 'node:crypto'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { PrismaPg } from '@prisma/adapter-pg'
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { countStatement } from './request-scope.server.ts'

/*
 * The driver adapters are the libraries' own, with script execution fixed, because the
 * schema engine runs each migration file through `executeScript`:
 * - pglite-prisma-adapter 0.7.2 does not await `executeScript` (a failing migration would be
 *   recorded as applied) nor a transaction's `rollback()`;
 * - @prisma/adapter-pg splits scripts on every ";", which breaks function bodies. Sent whole,
 *   PostgreSQL runs a multi-statement script as one implicit transaction: all or nothing.
 */

/** PGlite with the extensions Leidraad uses (pg_trgm for typo-tolerant search); in memory without a folder. */
export function createPGlite(dataDir?: string): PGlite {
  return new PGlite({ dataDir, extensions: { pg_trgm } })
}

export class PGliteAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres' as const
  readonly adapterName = 'pglite-prisma-adapter'

  /** The engine, or the promise of it (a data folder that is still being prepared). */
  constructor(readonly client: PGlite | Promise<PGlite>) {}

  async connect(): Promise<SqlDriverAdapter> {
    const client = await this.client
    const adapter = await new PrismaPGlite(client).connect()
    return counted(awaitRollback(runScriptsWhole(adapter, (script) => client.exec(script))))
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadow = createPGlite()
    return new PGliteAdapterFactory(shadow).connect()
  }
}

export class PostgresAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres' as const
  readonly adapterName = '@prisma/adapter-pg'
  private readonly library: PrismaPg

  constructor(connectionString: string, poolSize?: number) {
    // allowExitOnIdle: a script that is done (db:migrate) exits at once instead of after the pool's 10 s idle timeout.
    this.library = new PrismaPg(
      { connectionString, max: poolSize, allowExitOnIdle: true },
      // Its type says a name is always returned; pg runs a query without one as an unnamed statement.
      { statementNameGenerator: preparedStatementName as (query: { sql: string }) => string },
    )
  }

  async connect(): Promise<SqlDriverAdapter> {
    return counted(wholeScriptsOnPool(await this.library.connect()))
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    return wholeScriptsOnPool(await this.library.connectToShadowDb())
  }
}

/**
 * The hot path's statements (session, handbook, guideline page, search) say `/* prepared *\/` in
 * their text: they run as named prepared statements, parsed once per connection, and after a few
 * runs PostgreSQL keeps a generic plan instead of planning every search again. Only fixed texts
 * are marked, so each connection holds a handful of them.
 */
export function preparedStatementName(query: { sql: string }): string | undefined {
  if (!query.sql.includes('/* prepared */')) return undefined
  return `leidraad_${crypto.createHash('sha1').update(query.sql).digest('hex').slice(0, 24)}`
}

type InternalAdapter = SqlDriverAdapter & { onError(error: unknown): never }

function wholeScriptsOnPool(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const pool = (adapter as unknown as { client: { query(sql: string): Promise<unknown> } }).client
  return runScriptsWhole(adapter, (script) => pool.query(script))
}

function runScriptsWhole(adapter: SqlDriverAdapter, run: (script: string) => Promise<unknown>): SqlDriverAdapter {
  const internal = adapter as InternalAdapter
  internal.executeScript = async (script: string) => {
    try {
      await run(script)
    } catch (error) {
      internal.onError(error)
    }
  }
  return adapter
}

function awaitRollback(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const startTransaction = adapter.startTransaction.bind(adapter)
  adapter.startTransaction = async (isolationLevel) => {
    const tx = await startTransaction(isolationLevel)
    const internals = tx as unknown as {
      client: { rollback(): Promise<void> }
      txDeferred: { resolve(): void }
      txResultPromise: Promise<void>
    }
    tx.rollback = async () => {
      await internals.client.rollback()
      internals.txDeferred.resolve()
      await internals.txResultPromise
    }
    return tx
  }
  return adapter
}

/** Counts every statement in the request scope (app/utils/request-scope.server.ts), in transactions too. */
function counted<T extends Pick<SqlDriverAdapter, 'queryRaw' | 'executeRaw'>>(queryable: T): T {
  const queryRaw = queryable.queryRaw.bind(queryable)
  const executeRaw = queryable.executeRaw.bind(queryable)
  queryable.queryRaw = (query) => {
    countStatement(query.sql)
    return queryRaw(query)
  }
  queryable.executeRaw = (query) => {
    countStatement(query.sql)
    return executeRaw(query)
  }
  const adapter = queryable as unknown as Partial<SqlDriverAdapter>
  if (adapter.startTransaction) {
    const startTransaction = adapter.startTransaction.bind(adapter)
    adapter.startTransaction = async (isolationLevel) => counted(await startTransaction(isolationLevel))
  }
  return queryable
}
