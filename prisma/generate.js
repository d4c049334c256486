// `npm run db:generate`: runs `prisma generate` without Prisma's native schema engine, which
// cannot be downloaded on machines without internet. Generation never uses that engine, but
// the CLI checks that one exists: any executable will do, so we point it at Node itself.
import { spawnSync } from 'node:child_process'

const result = spawnSync('npx', ['prisma', 'generate'], {
  stdio: 'inherit',
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
})
process.exit(result.status ?? 1)
