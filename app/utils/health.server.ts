// What /healthz checks: that the database answers *and can write* (a full disk or a read-only
// database answers reads but loses every change), and on the embedded engine that the disk
// holding its folder has room left. Each check is one tiny write of one row.
import fs from 'node:fs'
import { databaseConfig, prisma } from './db.server.ts'

/** Below this much free space the embedded database is reported unhealthy, before writes fail. */
export const MIN_FREE_BYTES = 64 * 1024 * 1024
const TIMEOUT_MS = 3000

export type Health =
  { ok: true } | { ok: false; problem: 'database unreachable' | 'database cannot write' | 'disk full' }

export async function checkHealth(): Promise<Health> {
  if (databaseConfig.engine === 'pglite') {
    const stats = await fs.promises.statfs(databaseConfig.dataDir).catch(() => null)
    if (stats && stats.bavail * stats.bsize < MIN_FREE_BYTES) return { ok: false, problem: 'disk full' }
  }
  try {
    await withTimeout(prisma.$queryRaw`SELECT 1`)
  } catch {
    return { ok: false, problem: 'database unreachable' }
  }
  try {
    await withTimeout(prisma.$executeRaw`
      INSERT INTO "HealthCheck" ("id", "checkedAt") VALUES (1, now())
      ON CONFLICT ("id") DO UPDATE SET "checkedAt" = now()`)
  } catch {
    return { ok: false, problem: 'database cannot write' }
  }
  return { ok: true }
}

function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('database check timed out')), TIMEOUT_MS)
    }),
  ]).finally(() => clearTimeout(timer))
}
