import path from 'node:path'

/** Which database engine the app talks to, derived from DATABASE_URL. */
export type DatabaseConfig =
  { engine: 'pglite'; dataDir: string } | { engine: 'pglite-memory' } | { engine: 'postgres'; url: string }

export const DEFAULT_DATA_DIR = './data'

/**
 * unset or `file:<dir>` → embedded PGlite with its data in <dir> (default ./data);
 * `memory:` → in-memory PGlite (tests); `postgres://` or `postgresql://` → PostgreSQL.
 */
export function readDatabaseConfig(url = process.env.DATABASE_URL): DatabaseConfig {
  const value = url?.trim()
  if (!value) return { engine: 'pglite', dataDir: path.resolve(DEFAULT_DATA_DIR) }
  if (value === 'memory:' || value === 'memory://') return { engine: 'pglite-memory' }
  if (value.startsWith('file:')) {
    const dir = value.slice('file:'.length).replace(/^\/\/(?=\/)/, '')
    if (!dir) throw new Error('DATABASE_URL "file:" needs a folder, e.g. file:./data')
    return { engine: 'pglite', dataDir: path.resolve(dir) }
  }
  if (/^postgres(ql)?:\/\//.test(value)) return { engine: 'postgres', url: value }
  throw new Error('DATABASE_URL must be unset, file:<folder>, memory: or a postgres:// URL (got an unsupported value)')
}

/** The folder for files the embedded engine keeps beside its database (e.g. a generated session secret). */
export function getDataDir(config: DatabaseConfig = readDatabaseConfig()): string | null {
  return config.engine === 'pglite' ? config.dataDir : null
}
