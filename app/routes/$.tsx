import type { LoaderFunctionArgs } from '@remix-run/node'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { notFound } from '~/permissions/authorize.server.ts'
import { requireAbility } from '~/permissions/require-ability.server.ts'

/** Unknown paths: sign in first (nothing leaks to strangers), then a 404 inside the shell. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireAbility(request)
  throw notFound()
}

export default function NotFound() {
  return null
}

export const ErrorBoundary = GeneralErrorBoundary
