import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readDatabaseConfig } from './db-config.server.ts'

describe('DATABASE_URL', () => {
  it('defaults to embedded PGlite in ./data', () => {
    expect(readDatabaseConfig(undefined)).toEqual({ engine: 'pglite', dataDir: path.resolve('data') })
  })
  it('reads file:, memory: and postgres URLs', () => {
    expect(readDatabaseConfig('file:./elsewhere')).toEqual({ engine: 'pglite', dataDir: path.resolve('elsewhere') })
    expect(readDatabaseConfig('memory:')).toEqual({ engine: 'pglite-memory' })
    expect(readDatabaseConfig('postgres://u@h/db')).toEqual({ engine: 'postgres', url: 'postgres://u@h/db' })
  })
  it('refuses anything else with a clear message', () => {
    expect(() => readDatabaseConfig('mysql://x')).toThrow(/DATABASE_URL must be/)
  })
})
