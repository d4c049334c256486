// Single sign-on with OpenID Connect (Microsoft Entra ID, Google Workspace, any certified
// provider), through openid-client: the authorization code flow with PKCE, state and nonce, the
// ID token's signature, issuer, audience, expiry and nonce checked by the library. Configured by
// OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET; the provider's metadata is discovered once.
import * as client from 'openid-client'
import { logger } from './logger.server.ts'
import { appUrl } from './mailer.server.ts'

export interface OidcSettings {
  issuer: URL
  clientId: string
  clientSecret: string
  /** What to ask for; `groups` too where the provider needs it as a scope. */
  scopes: string
  /** The ID-token claim that lists the user's groups (Entra ID: `groups`). */
  groupsClaim: string
  /** The name on the sign-in button. */
  name: string
  redirectUri: string
}

export function oidcSettings(): OidcSettings | null {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET } = process.env
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET) return null
  return {
    issuer: new URL(OIDC_ISSUER),
    clientId: OIDC_CLIENT_ID,
    clientSecret: OIDC_CLIENT_SECRET,
    scopes: process.env.OIDC_SCOPES ?? 'openid email profile',
    groupsClaim: process.env.OIDC_GROUPS_CLAIM ?? 'groups',
    name: process.env.OIDC_NAME ?? 'je organisatie-account',
    redirectUri: `${appUrl()}/auth/oidc/callback`,
  }
}

const configurations = new Map<string, Promise<client.Configuration>>()

/** The provider's configuration, discovered once per process (again after a failed discovery). */
function configuration(settings: OidcSettings): Promise<client.Configuration> {
  const key = `${settings.issuer.href} ${settings.clientId}`
  let found = configurations.get(key)
  if (!found) {
    // Plain http only for a provider on this machine (the tests' own provider); never in production.
    const local =
      settings.issuer.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(settings.issuer.hostname)
    found = client.discovery(settings.issuer, settings.clientId, settings.clientSecret, undefined, {
      execute: local ? [client.allowInsecureRequests] : [],
      timeout: 10,
    })
    found.catch((error: unknown) => {
      logger.error({ err: error }, 'OpenID Connect discovery failed')
      configurations.delete(key)
    })
    configurations.set(key, found)
  }
  return found
}

/** What must survive the round trip to the provider (kept in a signed, short-lived cookie). */
export interface PendingAuthorization {
  state: string
  nonce: string
  verifier: string
}

/** Where to send the browser to sign in, and the checks its answer must pass. */
export async function startAuthorization(settings: OidcSettings): Promise<{ url: URL; pending: PendingAuthorization }> {
  const config = await configuration(settings)
  const pending = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier: client.randomPKCECodeVerifier(),
  }
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: settings.redirectUri,
    scope: settings.scopes,
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
    code_challenge_method: 'S256',
    state: pending.state,
    nonce: pending.nonce,
  })
  return { url, pending }
}

export interface SsoClaims {
  issuer: string
  subject: string
  email: string | null
  emailVerified: boolean | null
  name: string | null
  groups: string[]
}

/**
 * Completes the sign-in from the provider's answer (the callback URL): exchanges the code (with
 * the PKCE verifier), checks state, nonce, issuer and the ID token. Throws on anything wrong.
 */
export async function completeAuthorization(
  settings: OidcSettings,
  callbackUrl: URL,
  pending: PendingAuthorization,
): Promise<SsoClaims> {
  const config = await configuration(settings)
  const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
    pkceCodeVerifier: pending.verifier,
    expectedState: pending.state,
    expectedNonce: pending.nonce,
    idTokenExpected: true,
  })
  const claims = tokens.claims()
  if (!claims) throw new Error('The provider sent no ID token')
  const groups = claims[settings.groupsClaim]
  return {
    issuer: claims.iss,
    subject: claims.sub,
    email: typeof claims.email === 'string' ? claims.email : null,
    emailVerified: typeof claims.email_verified === 'boolean' ? claims.email_verified : null,
    name: typeof claims.name === 'string' ? claims.name : null,
    groups: Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [],
  }
}
