// Several app processes on one PostgreSQL: a change written by another process clears this
// process's caches, when and only when its transaction commits (LISTEN/NOTIFY).
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { searchLexicon } from '~/models/search-synonyms.server.ts'
import { listenForChanges, onChange, stopListening } from '~/utils/cache-invalidation.server.ts'

const url = process.env.DATABASE_URL!

/** Another process: its own connection, writing in a transaction. */
async function otherProcess(work: (client: pg.Client) => Promise<unknown>, commit = true) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('BEGIN')
    await work(client)
    await client.query(commit ? 'COMMIT' : 'ROLLBACK')
  } finally {
    await client.end()
  }
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 50 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 100))
  return condition()
}

beforeAll(async () => {
  listenForChanges(url)
  // Listening starts on a connection of its own: wait until a committed announcement arrives.
  let ready = false
  onChange('test-ready', () => (ready = true))
  for (let i = 0; i < 50 && !ready; i++) {
    await otherProcess((c) => c.query(`SELECT pg_notify('leidraad_cache', 'test-ready')`))
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
})
afterAll(() => stopListening())

describe('cache invalidation across processes', () => {
  it('forgets a cache when another process commits a change, not when it rolls back', async () => {
    let forgotten = 0
    onChange('test-key', () => forgotten++)
    await otherProcess((c) => c.query(`SELECT pg_notify('leidraad_cache', 'test-key')`), false)
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(forgotten).toBe(0)
    await otherProcess((c) => c.query(`SELECT pg_notify('leidraad_cache', 'test-key')`))
    expect(await until(() => forgotten === 1)).toBe(true)
  })

  it('makes the search use a synonym group another process saved', async () => {
    const before = searchLexicon()
    await before
    expect(searchLexicon()).toBe(before) // cached
    await otherProcess(async (c) => {
      await c.query(
        `INSERT INTO "SearchSynonym" (id, key, terms, enabled, "updatedAt") VALUES ('cache-test', 'cache-test', 'fiets\nrijwiel', true, now())`,
      )
      await c.query(`SELECT pg_notify('leidraad_cache', 'search-synonyms')`)
    })
    expect(await until(() => searchLexicon() !== before)).toBe(true)
    await otherProcess(async (c) => {
      await c.query(`DELETE FROM "SearchSynonym" WHERE id = 'cache-test'`)
      await c.query(`SELECT pg_notify('leidraad_cache', 'search-synonyms')`)
    })
  })
})
