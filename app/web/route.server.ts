// How every route module's loader and action is defined: `signedIn` first requires a signed-in
// user and builds their ability (loaders of parent and child routes run in parallel, so each
// checks for itself), then runs the handler; whatever the domain refuses — Forbidden, NotFound,
// Invalid, Conflict — becomes its 4xx here, the one place where domain errors turn into responses.
import { data, type LoaderFunctionArgs } from '@remix-run/node'
import type { AppAbility } from '~/permissions/ability.ts'
import { DomainError } from '~/utils/errors.ts'
import { requireAbility, type SessionUser } from './auth.server.ts'

/** Loader and action arguments are the same shape in Remix. */
export type RouteArgs = LoaderFunctionArgs
export type SignedInArgs = RouteArgs & { user: SessionUser; ability: AppAbility }

/** The response for a domain refusal that no form shows: 400/403/404/409/413 with its message key. */
export function errorResponse(error: DomainError) {
  return data({ message: error.key }, { status: error.status })
}

/** Rethrows a domain refusal as its response (an error page); anything else stays what it was. */
export function rethrowAsResponse(error: unknown): never {
  if (error instanceof DomainError) throw errorResponse(error)
  throw error
}

/** A loader or action for signed-in users: `export const loader = signedIn(async ({ ability, params }) => …)`. */
export function signedIn<T>(handler: (args: SignedInArgs) => Promise<T> | T) {
  return async (args: RouteArgs): Promise<T> => {
    const { user, ability } = await requireAbility(args.request)
    try {
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
      return await handler(args)
    } catch (error) {
      rethrowAsResponse(error)
    }
  }
}
