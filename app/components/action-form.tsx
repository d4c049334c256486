// Small helpers for the several forms on a principle page: each shows only its own errors.
import { useActionData, useLocation } from '@remix-run/react'
import type { SubmissionResult } from '@conform-to/react'

/** The last action result if it came from the form with this intent (and matching extra fields). */
export function useResultFor(
  intent: string,
  match: Record<string, string> = {},
): SubmissionResult<string[]> | undefined {
  const actionData = useActionData<{ result?: SubmissionResult<string[]> }>()
  const result = actionData?.result
  const values = (result?.initialValue ?? {}) as Record<string, unknown>
  if (!result || values.intent !== intent) return undefined
  return Object.entries(match).every(([key, value]) => values[key] === value) ? result : undefined
}

/**
 * A key for forms that should start empty after a successful post (comments, replies, customer
 * input): it changes with every navigation, and a successful post ends in one (the redirect back),
 * so a form keyed by it is made anew — nothing left to send twice. A refused post shows its
 * errors with what was typed: Conform restores it from the reply (`lastResult`).
 */
export function useFreshFormKey() {
  return useLocation().key
}
