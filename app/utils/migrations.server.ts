import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils'
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import * as engineBindings from '@prisma/schema-engine-wasm/schema_engine_bg'
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg'
import { PGliteAdapterFactory, createPGlite } from './driver-adapters.server.ts'
import { logger } from './logger.server.ts'

/**
 * Prisma migrations without Prisma's native schema engine (which cannot be downloaded on our
 * machines): the same engine compiled to WebAssembly, talking to the database through the
 * app's own driver adapter. Folders and the `_prisma_migrations` table are Prisma's, so
 * `prisma migrate deploy` works on them too wherever the native engine is available.
 */

export const MIGRATIONS_DIR = path.resolve('prisma/migrations')
export const SCHEMA_PATH = path.resolve('prisma/schema.prisma')
const NO_FILTERS = { externalTables: [], externalEnums: [] }

let wasmReady: Promise<void> | undefined

function loadEngineWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url)
    const bindingsPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')
    const bytes = await fs.promises.readFile(bindingsPath.replace(/\.js$/, '.wasm'))
    const module = await WebAssembly.compile(bytes)
    // The engine arms 10-second timers (timeouts of its own futures) that would keep a finished
    // `npm run db:migrate` (or any script that migrated) alive for 10 s: they must not hold the process open.
    const imports: Record<string, unknown> = { ...engineBindings }
    for (const [name, binding] of Object.entries(engineBindings)) {
      if (name.startsWith('__wbg_setTimeout_')) {
        imports[name] = (...args: unknown[]) => {
          const timer = (binding as (...a: unknown[]) => NodeJS.Timeout)(...args)
          timer.unref?.()
          return timer
        }
      }
    }
    const instance = await WebAssembly.instantiate(module, {
      './schema_engine_bg.js': imports as WebAssembly.ModuleImports,
    })
    engineBindings.__wbg_set_wasm(instance.exports)
    ;(instance.exports.__wbindgen_start as () => void)()
  })()
  return wasmReady
}

async function withSchemaEngine<T>(
  factory: SqlMigrationAwareDriverAdapterFactory,
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadEngineWasm()
  const datamodel = fs.readFileSync(SCHEMA_PATH, 'utf8')
  const logs: string[] = []
  // The engine does not close the connections it opens: on PostgreSQL each holds a pool, and one
  // may hold Prisma's migration lock (a session advisory lock) that the next engine would wait 10 s
  // for. They are closed here when the engine is done.
  const opened: SqlDriverAdapter[] = []
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => opened[opened.push(await factory.connect()) - 1]!,
    connectToShadowDb: async () => opened[opened.push(await factory.connectToShadowDb()) - 1]!,
  }
  const engine = await engineBindings.SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, datamodel]] },
    (line: string) => logs.push(line),
    bindMigrationAwareSqlAdapterFactory(tracked),
  )
  try {
    return await run(engine)
  } catch (error) {
    throw new Error(`Schema engine failed: ${describeEngineError(error)}`, { cause: error })
  } finally {
    engine.free()
    await Promise.all(opened.map((adapter) => adapter.dispose().catch(() => {})))
  }
}

function describeEngineError(error: unknown): string {
  if (error instanceof Error) return error.message
  if (typeof error === 'object' && error && 'message' in error) return String(error.message)
  return JSON.stringify(error)
}

export function readMigrationList(migrationsDir = MIGRATIONS_DIR): MigrationList {
  const names = fs.existsSync(migrationsDir)
    ? fs
        .readdirSync(migrationsDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : []
  const lockPath = path.join(migrationsDir, 'migration_lock.toml')
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: 'migration_lock.toml',
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok', value: fs.readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8') },
      },
    })),
  }
}

/**
 * Applies every migration folder not yet recorded in `_prisma_migrations`. Returns their names.
 * A migration a kill interrupted is recognised and its record repaired first (see below).
 */
export async function applyMigrations(
  factory: SqlMigrationAwareDriverAdapterFactory,
  options: { upTo?: string } = {},
): Promise<string[]> {
  const repaired = await recoverInterruptedMigrations(factory)
  if (repaired.length) logger.warn({ repaired }, 'repaired the record of an interrupted migration')
  return withSchemaEngine(factory, async (engine) => {
    const result = await engine.applyMigrations({
      migrationsList: migrationsUpTo(options.upTo),
      filters: NO_FILTERS,
    })
    return result.appliedMigrationNames
  })
}

/** The migration folders up to and including `name` (all of them without one). */
function migrationsUpTo(name?: string): MigrationList {
  const all = readMigrationList()
  if (!name) return all
  const end = all.migrationDirectories.findIndex((m) => m.path === name)
  if (end < 0) throw new Error(`There is no migration folder named ${name} in prisma/migrations.`)
  return { ...all, migrationDirectories: all.migrationDirectories.slice(0, end + 1) }
}

// ---------------------------------------------------------------------------------------------
// Interrupted migrations. Prisma records a migration as started, runs its script (one
// transaction: all or nothing) and then records it as finished. A kill between those steps
// leaves a record that is neither finished nor rolled back, and Prisma refuses every later run
// (P3009) until someone resolves it. Which of the two happened is visible in the schema: it
// matches the migrations up to and including this one (the script committed: record it as
// applied) or up to the one before (it did not: record it as rolled back, and apply it again).
// Anything else was changed by hand, and is left for a person to look at.

async function query(factory: SqlMigrationAwareDriverAdapterFactory, sql: string): Promise<unknown[][]> {
  const adapter = await factory.connect()
  try {
    return (await adapter.queryRaw({ sql, args: [], argTypes: [] })).rows
  } finally {
    await adapter.dispose()
  }
}

/** Migrations recorded as started and never finished nor rolled back, oldest first. */
async function unfinishedMigrations(factory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const [[exists]] = (await query(factory, `SELECT to_regclass('public._prisma_migrations') IS NOT NULL`)) as [
    [boolean],
  ]
  if (!exists) return []
  const rows = await query(
    factory,
    `SELECT migration_name FROM _prisma_migrations
     WHERE finished_at IS NULL AND rolled_back_at IS NULL ORDER BY started_at`,
  )
  return rows.map(([name]) => String(name))
}

/** Everything a migration can change in the schema, one sorted line per item. */
const SCHEMA_FINGERPRINT = `
  SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '')
    FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
  UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
  UNION ALL SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
    FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid <> 0
      AND conrelid <> 'public._prisma_migrations'::regclass
  UNION ALL SELECT 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
    WHERE t.typnamespace = 'public'::regnamespace GROUP BY t.typname
  UNION ALL SELECT 'trigger ' || tgrelid::regclass::text || ' ' || tgname || ' ' || tgenabled::text
    FROM pg_trigger WHERE NOT tgisinternal
  UNION ALL SELECT 'function ' || proname || ' ' || md5(prosrc) FROM pg_proc WHERE pronamespace = 'public'::regnamespace
  ORDER BY 1`

async function schemaFingerprint(factory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  return (await query(factory, SCHEMA_FINGERPRINT)).map(([line]) => String(line))
}

/** The schemas before and after migration `index`, replayed into one throw-away PGlite. */
async function expectedFingerprints(index: number): Promise<{ before: string[]; after: string[] }> {
  const scratch = createPGlite()
  try {
    const factory = new PGliteAdapterFactory(scratch)
    const all = readMigrationList()
    const upTo = (end: number) => ({ ...all, migrationDirectories: all.migrationDirectories.slice(0, end) })
    await withSchemaEngine(factory, (engine) =>
      engine.applyMigrations({ migrationsList: upTo(index), filters: NO_FILTERS }),
    )
    const before = await schemaFingerprint(factory)
    await withSchemaEngine(factory, (engine) =>
      engine.applyMigrations({ migrationsList: upTo(index + 1), filters: NO_FILTERS }),
    )
    return { before, after: await schemaFingerprint(factory) }
  } finally {
    await scratch.close()
  }
}

export type Resolution =
  | { name: string; outcome: 'applied' }
  | { name: string; outcome: 'rolled-back' }
  | { name: string; outcome: 'unknown'; unexpected: string[]; missing: string[] }

/**
 * Looks at one interrupted migration and repairs its record when the schema says what happened
 * (`npm run db:migrate -- --resolve <name>` runs this for one name and prints the outcome).
 */
export async function resolveInterruptedMigration(
  factory: SqlMigrationAwareDriverAdapterFactory,
  name: string,
): Promise<Resolution> {
  const names = readMigrationList().migrationDirectories.map((m) => m.path)
  const index = names.indexOf(name)
  if (index < 0) throw new Error(`There is no migration folder named ${name} in prisma/migrations.`)
  if (!(await unfinishedMigrations(factory)).includes(name)) {
    throw new Error(`Migration ${name} is not recorded as interrupted: there is nothing to resolve.`)
  }
  const live = await schemaFingerprint(factory)
  const same = (expected: string[]) => expected.length === live.length && expected.every((line, i) => line === live[i])
  const { before, after } = await expectedFingerprints(index)
  if (same(after)) {
    await withSchemaEngine(factory, (engine) =>
      engine.markMigrationApplied({ migrationName: name, migrationsList: readMigrationList() }),
    )
    return { name, outcome: 'applied' }
  }
  if (same(before)) {
    await withSchemaEngine(factory, (engine) => engine.markMigrationRolledBack({ migrationName: name }))
    return { name, outcome: 'rolled-back' }
  }
  return {
    name,
    outcome: 'unknown',
    unexpected: live.filter((line) => !after.includes(line)),
    missing: after.filter((line) => !live.includes(line)),
  }
}

export class InterruptedMigrationError extends Error {}

/** Repairs the record of every interrupted migration whose effect the schema shows; refuses to guess otherwise. */
export async function recoverInterruptedMigrations(factory: SqlMigrationAwareDriverAdapterFactory) {
  const resolved: Resolution[] = []
  for (const name of await unfinishedMigrations(factory)) {
    const resolution = await resolveInterruptedMigration(factory, name)
    if (resolution.outcome === 'unknown') {
      throw new InterruptedMigrationError(
        `Migration ${name} was interrupted, and the database schema now matches neither the state before it nor after it ` +
          `(${resolution.unexpected.length} unexpected and ${resolution.missing.length} missing items). ` +
          `Look at it with \`npm run db:migrate -- --resolve ${name}\`, which lists them.`,
      )
    }
    resolved.push(resolution)
  }
  return resolved
}

/**
 * SQL that takes a database built from the migration folders to what schema.prisma describes.
 * Empty when they agree. The migrations are replayed into a throw-away in-memory PGlite.
 */
export async function diffMigrationsToSchema(): Promise<string> {
  const scratch = createPGlite()
  try {
    return await withSchemaEngine(new PGliteAdapterFactory(scratch), async (engine) => {
      const result = await engine.diff({
        from: { tag: 'migrations', ...readMigrationList() },
        to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: fs.readFileSync(SCHEMA_PATH, 'utf8') }] },
        script: true,
        exitCode: null,
        filters: NO_FILTERS,
      })
      return stripSqlComments(result.stdout ?? '')
    })
  } finally {
    await scratch.close()
  }
}

function stripSqlComments(sql: string): string {
  return sql
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join('\n')
    .trim()
}

/** Writes prisma/migrations/<timestamp>_<name>/migration.sql from the schema. Returns its folder or null. */
export async function createMigration(name: string): Promise<string | null> {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
  if (!slug) throw new Error('Give the migration a name, e.g. npm run db:migration -- add_guidelines')
  const lockPath = path.join(MIGRATIONS_DIR, 'migration_lock.toml')
  if (!fs.existsSync(lockPath)) {
    fs.mkdirSync(MIGRATIONS_DIR, { recursive: true })
    fs.writeFileSync(
      lockPath,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    )
  }
  const sql = await diffMigrationsToSchema()
  if (!sql) return null
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14)
  const folder = path.join(MIGRATIONS_DIR, `${stamp}_${slug}`)
  fs.mkdirSync(folder, { recursive: true })
  fs.writeFileSync(path.join(folder, 'migration.sql'), sql + '\n')
  return folder
}
