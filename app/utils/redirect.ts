const DEFAULT_REDIRECT = '/'

/**
 * Only local paths: "/x" yes; "//evil.example", "/\\evil", "https://…" and anything odd fall
 * back to "/". Never redirect to a user-supplied URL without this. A path with characters a
 * Location header cannot carry (spaces, controls, anything outside ASCII — `/%E3%80%80/…`
 * decoded) falls back too: this never throws, and what it returns is always a valid header.
 */
export function safeRedirectPath(
  to: FormDataEntryValue | string | null | undefined,
  fallback = DEFAULT_REDIRECT,
): string {
  if (typeof to !== 'string' || to.length > 2000) return fallback
  if (!to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback
  if (!/^[\x21-\x7e]+$/.test(to) || to.includes('\\')) return fallback
  // What a browser makes of it must stay on this site (e.g. "/%2F%2Fevil" stays a path).
  try {
    const base = 'http://leidraad.invalid'
    if (new URL(to, base).origin !== base) return fallback
  } catch {
    return fallback
  }
  return to
}
