import { prisma } from '~/utils/db.server.ts'
import { logger } from '~/utils/logger.server.ts'

/** 200 when the app can query its database, 503 when it cannot. Public, reveals nothing else. */
export async function loader() {
  try {
    await Promise.race([
      prisma.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error('database check timed out')), 3000)),
    ])
    return new Response('ok', { status: 200, headers: { 'Cache-Control': 'no-store' } })
  } catch (error) {
    logger.error({ err: error }, 'health check failed')
    return new Response('database unavailable', { status: 503, headers: { 'Cache-Control': 'no-store' } })
  }
}
