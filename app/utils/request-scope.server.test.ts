import { describe, expect, it } from 'vitest'
import { countStatement, runInRequestScope } from './request-scope.server.ts'

// A request that changed rows leaves the write position (app/server/read-your-writes.ts), a GET
// too; the driver adapter passes each statement's SQL, and the scope notes whether one wrote.
const wrote = (...statements: string[]) =>
  runInRequestScope((scope) => {
    for (const sql of statements) countStatement(sql)
    return { wrote: scope.wrote, statements: scope.statements }
  })

describe('a request notes whether it wrote', () => {
  it('notes inserts, updates, deletes and merges, also behind a comment or in a WITH', () => {
    expect(wrote('UPDATE "Notification" SET "readAt" = $1 WHERE "id" = $2').wrote).toBe(true)
    expect(wrote('  insert into "Throttle" values ($1)').wrote).toBe(true)
    expect(wrote('/* prepared */ DELETE FROM "Session" WHERE "id" = $1').wrote).toBe(true)
    expect(wrote('MERGE INTO "Throttle" t USING x ON true WHEN MATCHED THEN DO NOTHING').wrote).toBe(true)
    expect(wrote('WITH gone AS (DELETE FROM "Session" RETURNING 1) SELECT count(*) FROM gone').wrote).toBe(true)
  })

  it('does not count reads as writes, whatever their columns are called', () => {
    const reads = wrote(
      'SELECT "id", "updatedAt", "deletedAt" FROM "Guideline" WHERE "id" = $1',
      '/* prepared */ WITH hits AS (SELECT 1) SELECT * FROM hits',
      '',
    )
    expect(reads).toEqual({ wrote: false, statements: 3 })
  })

  it('outside a request nothing is noted and nothing breaks', () => {
    expect(() => countStatement('UPDATE "User" SET "name" = $1')).not.toThrow()
  })
})
