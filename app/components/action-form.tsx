// Small helpers for the several forms on a principle page: each shows only its own errors.
import { useActionData } from '@remix-run/react'
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
