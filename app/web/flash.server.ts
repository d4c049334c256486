import { redirect } from '@remix-run/node'
import { commitCookieSession, getCookieSession } from './session.server.ts'

export interface Flash {
  kind: 'success' | 'error'
  /** i18n key of the message */
  key: string
  values?: Record<string, string | number>
  /** A second line, e.g. the tone check's count after a save. */
  detail?: { key: string; values?: Record<string, string | number> }
}

/** Redirects and shows a one-time message on the next page (Post/Redirect/Get). */
export async function redirectWithFlash(request: Request, to: string, flash: Flash): Promise<Response> {
  const session = await getCookieSession(request)
  session.flash('flash', flash)
  return redirect(to, { headers: { 'Set-Cookie': await commitCookieSession(request, session) } })
}

/** Reads (and so consumes) the flash message; the returned header must be sent with the page. */
export async function takeFlash(request: Request): Promise<{ flash: Flash | null; headers: HeadersInit }> {
  const session = await getCookieSession(request)
  const flash = session.get('flash') ?? null
  if (!flash) return { flash: null, headers: {} }
  return { flash, headers: { 'Set-Cookie': await commitCookieSession(request, session) } }
}
