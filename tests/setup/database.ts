import { afterAll, beforeAll } from 'vitest'
import { closeDatabase, databaseReady } from '~/utils/db.server.ts'

beforeAll(async () => {
  await databaseReady()
})

afterAll(async () => {
  await closeDatabase()
})
