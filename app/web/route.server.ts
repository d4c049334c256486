// How every route module's loader and action is defined: `signedIn` first requires a signed-in
// user and builds their ability (loaders of parent and child routes run in parallel, so each
// checks for itself), then runs the handler; whatever the domain refuses — Forbidden, NotFound,
// Invalid, Conflict — becomes its 4xx here, the one place where domain errors turn into responses.
import { data, type LoaderFunctionArgs } from '@remix-run/node'
import type { AppAbility } from '~/permissions/ability.ts'
import { databaseRefusal, type DatabaseRefusal } from '~/utils/db-errors.ts'
import { DomainError, Invalid, NotFound } from '~/utils/errors.ts'
import { logger } from '~/utils/logger.server.ts'
import { requireAbility, type SessionUser } from './auth.server.ts'

/** Loader and action arguments are the same shape in Remix. */
export type RouteArgs = LoaderFunctionArgs
export type SignedInArgs = RouteArgs & { user: SessionUser; ability: AppAbility }

/** The response for a domain refusal that no form shows: 400/403/404/409/413 with its message key. */
export function errorResponse(error: DomainError) {
  return data({ message: error.key, values: error.values }, { status: error.status })
}

const DATABASE_REPLIES: Record<DatabaseRefusal, { status: number; message: string; headers?: HeadersInit }> = {
  conflict: { status: 409, message: 'errors.tryAgain' },
  invalid: { status: 400, message: 'errors.badRequest' },
  unavailable: { status: 503, message: 'errors.unavailable', headers: { 'Retry-After': '10' } },
}

/**
 * Rethrows a domain refusal as its response (an error page), and a database error as what it
 * means for the user (409, 400, or 503 while the database is unreachable); anything else stays
 * what it was (a redirect stays a redirect, a bug stays a 500).
 */
export function rethrowAsResponse(error: unknown): never {
  if (error instanceof DomainError) throw errorResponse(error)
  const refusal = error instanceof Response ? null : databaseRefusal(error)
  if (refusal) {
    const code = (error as { code?: string }).code
    if (refusal === 'unavailable') logger.error({ err: error }, 'database unavailable')
    else
      logger.warn(
        { refusal, code, message: (error as Error).message?.split('\n').at(-1) },
        'database refused a request',
      )
    const { status, message, headers } = DATABASE_REPLIES[refusal]
    throw data({ message }, { status, headers })
  }
  throw error
}

/**
 * An address holding a NUL byte names nothing (a route parameter: 404) and asks nothing (the query:
 * 400): no text in the database can hold one. (The HTTP server refuses these first; this holds for
 * every way a request reaches a route.)
 */
function refuseNul(args: RouteArgs) {
  if (Object.values(args.params).some((value) => value?.includes('\0'))) throw new NotFound()
  if (/%00/i.test(new URL(args.request.url).search)) throw new Invalid('errors.badCharacter', 'query', { field: '?' })
}

/** A loader or action for signed-in users: `export const loader = signedIn(async ({ ability, params }) => …)`. */
export function signedIn<T>(handler: (args: SignedInArgs) => Promise<T> | T) {
  return async (args: RouteArgs): Promise<T> => {
    try {
      refuseNul(args)
      const { user, ability } = await requireAbility(args.request)
      return await handler({ ...args, user, ability })
    } catch (error) {
      rethrowAsResponse(error)
    }
  }
}

/** A loader or action open to everyone (sign-in, language switch): domain refusals still become 4xx. */
export function openToAll<T>(handler: (args: RouteArgs) => Promise<T> | T) {
  return async (args: RouteArgs): Promise<T> => {
    try {
      refuseNul(args)
      return await handler(args)
    } catch (error) {
      rethrowAsResponse(error)
    }
  }
}
