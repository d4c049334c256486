import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { NotFound } from '~/utils/errors.ts'
import { signedIn } from '~/web/route.server.ts'

/** Unknown paths: sign in first (nothing leaks to strangers), then a 404 inside the shell. */
export const loader = signedIn(() => {
  throw new NotFound()
})

export default function NotFoundPage() {
  return null
}

export const ErrorBoundary = GeneralErrorBoundary
