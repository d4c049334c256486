import cluster from 'node:cluster'
import { checkHealth } from '~/utils/health.server.ts'
import { logger } from '~/utils/logger.server.ts'

/**
 * 200 when the database answers and can write, 503 (with the reason) when not. Public, reveals
 * nothing else but which of the host's server processes answered (1, 2, …; 0 when there is one).
 */
export async function loader() {
  const health = await checkHealth()
  if (!health.ok) logger.error({ problem: health.problem }, 'health check failed')
  return new Response(health.ok ? 'ok' : health.problem, {
    status: health.ok ? 200 : 503,
    headers: {
      'Cache-Control': 'no-store',
      'Content-Type': 'text/plain; charset=utf-8',
      'X-Leidraad-Process': String(cluster.worker?.id ?? 0),
    },
  })
}
