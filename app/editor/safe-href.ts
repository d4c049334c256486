/**
 * Links in principles and guidelines may point to http(s) pages and mailto: addresses only.
 * Refused: javascript:, data:, vbscript: and every other scheme, protocol-relative `//host`,
 * relative paths, and anything with control characters or whitespace tricks.
 */
export function isSafeHref(href: unknown): href is string {
  if (typeof href !== 'string') return false
  if (href.length === 0 || href.length > 2000) return false
  // Browsers strip tabs/newlines and leading control characters before reading the scheme.
  if (/[\u0000-\u0020\u007f-\u009f]/.test(href)) return false
  if (/^mailto:[^@\s]+@[^@\s]+$/i.test(href)) return true
  if (!/^https?:\/\/[^/]/i.test(href)) return false
  try {
    const url = new URL(href)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0
  } catch {
    return false
  }
}
