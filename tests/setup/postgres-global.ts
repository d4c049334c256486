import pg from 'pg'
import { PostgresAdapterFactory } from '~/utils/driver-adapters.server.ts'
import { applyMigrations } from '~/utils/migrations.server.ts'

/** Gives the PostgreSQL test database a clean schema, then applies the migrations once. */
export default async function setup() {
  const url = process.env.TEST_DATABASE_URL!
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;')
  await client.end()
  await applyMigrations(new PostgresAdapterFactory(url))
}
