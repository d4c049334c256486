const DEFAULT_REDIRECT = '/'

/**
 * Only local paths: "/x" yes; "//evil.example", "/\\evil", "https://…" and anything odd fall
 * back to "/". Never redirect to a user-supplied URL without this.
 */
export function safeRedirectPath(
  to: FormDataEntryValue | string | null | undefined,
  fallback = DEFAULT_REDIRECT,
): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback
  if (/[\u0000-\u001f\\]/.test(to)) return fallback
  return to
}
