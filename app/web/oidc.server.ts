// The web side of single sign-on: a signed, short-lived, httpOnly cookie carries the state, nonce
// and PKCE verifier from the redirect to the provider until its answer comes back — once: the
// callback removes it, so an answer replayed later finds nothing to match.
import { createCookie, redirect } from '@remix-run/node'
import { signInWithSso } from '~/models/sso.server.ts'
import { logger } from '~/utils/logger.server.ts'
import { appUrl } from '~/utils/mailer.server.ts'
import {
  completeAuthorization,
  oidcSettings,
  startAuthorization,
  type PendingAuthorization,
} from '~/utils/oidc.server.ts'
import { safeRedirectPath } from '~/utils/redirect.ts'
import { getSessionSecrets } from '~/utils/secrets.server.ts'
import { NotFound } from '~/utils/errors.ts'
import { startSession } from './auth.server.ts'
import { cookieOptions } from './session.server.ts'

export const oidcCookie = createCookie('__leidraad_oidc', {
  httpOnly: true,
  sameSite: 'lax',
  path: '/auth/oidc',
  maxAge: 10 * 60,
  secrets: getSessionSecrets(),
})

type Pending = PendingAuthorization & { redirectTo: string }

/** `/auth/oidc`: off to the provider, with the checks its answer must pass in the cookie. */
export async function redirectToProvider(request: Request) {
  const settings = oidcSettings()
  if (!settings) throw new NotFound()
  const { url, pending } = await startAuthorization(settings)
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get('redirectTo'))
  return redirect(url.href, {
    headers: {
      'Set-Cookie': await oidcCookie.serialize({ ...pending, redirectTo } satisfies Pending, cookieOptions(request)),
    },
  })
}

/**
 * `/auth/oidc/callback`: the provider's answer. Anything wrong — no or another browser's cookie,
 * a changed state, nonce or issuer, a used or expired code — ends on the sign-in page with a
 * message and no session; the reason goes to the log.
 */
export async function completeSignIn(request: Request) {
  const settings = oidcSettings()
  if (!settings) throw new NotFound()
  const clear = await oidcCookie.serialize('', { ...cookieOptions(request), maxAge: 0 })
  const fail = (reason: 'failed' | 'noaccess') => redirect(`/login?sso=${reason}`, { headers: { 'Set-Cookie': clear } })
  const pending = (await oidcCookie.parse(request.headers.get('Cookie'))) as Pending | null
  if (!pending?.state || !pending.nonce || !pending.verifier) {
    logger.warn('SSO answer without a pending sign-in in this browser (replayed, expired or from elsewhere)')
    return fail('failed')
  }
  const url = new URL(request.url)
  // Checked against the address the provider was told to return to, whatever proxy is in between.
  const callbackUrl = new URL(`${appUrl()}${url.pathname}${url.search}`)
  let claims
  try {
    claims = await completeAuthorization(settings, callbackUrl, pending)
  } catch (error) {
    logger.warn({ err: error }, 'SSO sign-in refused')
    return fail('failed')
  }
  const result = await signInWithSso(claims)
  if (!result.ok) {
    logger.warn({ reason: result.reason, subject: claims.subject }, 'SSO sign-in gives no access')
    return fail('noaccess')
  }
  const response = await startSession(result.userId, safeRedirectPath(pending.redirectTo), request)
  response.headers.append('Set-Cookie', clear)
  return response
}

/** For the sign-in page: whether SSO is on, and the name on its button. */
export function ssoButton() {
  const settings = oidcSettings()
  return settings ? { name: settings.name } : null
}
