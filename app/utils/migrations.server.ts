import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils'
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import * as engineBindings from '@prisma/schema-engine-wasm/schema_engine_bg'
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg'
import { PGliteAdapterFactory, createPGlite } from './driver-adapters.server.ts'

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
    const instance = await WebAssembly.instantiate(module, {
      './schema_engine_bg.js': engineBindings as unknown as WebAssembly.ModuleImports,
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
  const engine = await engineBindings.SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, datamodel]] },
    (line: string) => logs.push(line),
    bindMigrationAwareSqlAdapterFactory(factory),
  )
  try {
    return await run(engine)
  } catch (error) {
    throw new Error(`Schema engine failed: ${describeEngineError(error)}`, { cause: error })
  } finally {
    engine.free()
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

/** Applies every migration folder not yet recorded in `_prisma_migrations`. Returns their names. */
export async function applyMigrations(factory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  return withSchemaEngine(factory, async (engine) => {
    const result = await engine.applyMigrations({
      migrationsList: readMigrationList(),
      filters: NO_FILTERS,
    })
    return result.appliedMigrationNames
  })
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
