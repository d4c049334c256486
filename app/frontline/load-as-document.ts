// Frontline pages are never rendered by React in the browser (see RouteHandle in root.tsx). When a
// hydrated page navigates to one client-side (a link, the redirect after signing in), this
// client loader turns that navigation into a full page load, so the page arrives as plain HTML
// with its own small script, exactly as when it is opened directly.
import type { ClientLoaderFunctionArgs } from '@remix-run/react'

export function loadAsDocument({ request }: ClientLoaderFunctionArgs): Promise<never> {
  window.location.assign(request.url)
  // The page is being replaced; nothing renders in the meantime.
  return new Promise<never>(() => {})
}
