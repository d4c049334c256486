import tsconfigPaths from 'vite-tsconfig-paths'
import { defineConfig } from 'vitest/config'

// Unit tests sit next to the code (app/**/*.test.ts). Integration tests (tests/integration) run
// on in-memory PGlite — a fresh database per test file — and again on PostgreSQL when
// TEST_DATABASE_URL is given (.ci/run always gives one). The PostgreSQL files share one database,
// so they run one at a time; Vitest has one pool of workers for all projects, so `npm run
// test:unit` runs them in a second pass with one worker, after unit + PGlite with two workers
// (Vitest's default on two cores is one; much of the suite waits on the processes it starts).
const postgresUrl = process.env.TEST_DATABASE_URL

const integration = (name: string, databaseUrl: string, extra: object = {}) => ({
  extends: true as const,
  test: {
    name,
    include: ['tests/integration/**/*.test.ts'],
    env: { DATABASE_URL: databaseUrl, NODE_ENV: 'test' as const },
    setupFiles: ['tests/setup/database.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    ...extra,
  },
})

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['app/**/*.test.{ts,tsx}'], env: { NODE_ENV: 'test' as const } },
      },
      integration('integration:pglite', 'memory:', {
        exclude: ['tests/integration/postgres/**'], // about PostgreSQL only
      }),
      ...(postgresUrl
        ? [
            integration('integration:postgres', postgresUrl, {
              exclude: ['tests/integration/embedded/**'], // about the embedded engine only
              globalSetup: ['tests/setup/postgres-global.ts'],
              fileParallelism: false,
            }),
          ]
        : []),
    ],
  },
})
