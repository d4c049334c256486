// Every route module, called as a stranger and as every role: nothing is served to a stranger
// but the public routes, so a new route cannot forget its check.
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { RouteHandle } from '~/root.tsx'
import { isPlainHtmlPage } from '~/web/plain-html.server.ts'
import { callRoute } from '../route-helpers.ts'
import { makeOrganisation, makePrinciple, sessionCookie } from '../factories.ts'

const PUBLIC_ROUTES = new Set([
  'login.tsx',
  'language.tsx',
  'healthz.ts',
  'logout.tsx',
  'unsubscribe.$userId.$kind.$signature.tsx',
  // A customer's invitation link to a consultation (the link is the key; 404 without a valid one).
  'k.$token.tsx',
  // Single sign-on: the way in (404 while SSO is not configured).
  'auth.oidc.tsx',
  'auth.oidc.callback.tsx',
])
const routeFiles = fs
  .readdirSync(path.resolve('app/routes'))
  .filter((f) => /\.(ts|tsx)$/.test(f) && !f.includes('.test.'))

type RouteModule = { loader?: (...args: never[]) => unknown; action?: (...args: never[]) => unknown }

describe('route guards', () => {
  let org: Awaited<ReturnType<typeof makeOrganisation>>
  let slug: string
  const cookies: Record<string, string> = {}

  beforeAll(async () => {
    org = await makeOrganisation()
    slug = (await makePrinciple(org.users.hq.id, { status: 'consultation', publishedVersion: 1 })).slug
    for (const [role, user] of Object.entries(org.users)) cookies[role] = await sessionCookie(user.id)
  })

  it('finds the route modules', () => {
    expect(routeFiles.length).toBeGreaterThanOrEqual(10)
  })

  it('every action goes through the one dispatcher, and no route module holds a permission check', () => {
    for (const file of routeFiles) {
      const source = fs.readFileSync(path.resolve('app/routes', file), 'utf8')
      if (/export (const|async function) action\b/.test(source)) {
        expect(source, file).toMatch(/\b(dispatch|saveDocument|documentEditRoute)\(/)
      }
      expect(source, file).not.toMatch(/\b(authorize|forbidden)\(|ability\.can\(|\bcan\(ability/)
    }
  })

  for (const file of routeFiles) {
    it(`${file}: a stranger is sent to sign in`, async () => {
      if (PUBLIC_ROUTES.has(file)) return
      const mod = (await import(`~/routes/${file}`)) as RouteModule
      const params = { regionId: org.regionA.id, userId: org.users.member.id, slug, number: '1' }
      for (const handler of [mod.loader, mod.action].filter(Boolean)) {
        const outcome = await callRoute(handler as never, {
          params,
          form: handler === mod.action ? { intent: 'x' } : undefined,
        })
        expect(outcome.status, `${file} ${handler === mod.loader ? 'loader' : 'action'}`).toBe(302)
        expect(outcome.location).toMatch(/^\/login/)
      }
    })

    it(`${file}: never a 500 for any role`, async () => {
      if (file === 'logout.tsx') return // would end the sessions the other checks use
      const mod = (await import(`~/routes/${file}`)) as RouteModule
      const params = { regionId: org.regionB.id, userId: org.users.otherManager.id, slug, number: '1' }
      for (const role of Object.keys(cookies)) {
        for (const handler of [mod.loader, mod.action].filter(Boolean)) {
          const outcome = await callRoute(handler as never, {
            params,
            cookie: cookies[role],
            form: handler === mod.action ? { intent: 'unknown' } : undefined,
          })
          expect(outcome.status, `${file} as ${role}`).toBeLessThan(500)
        }
      }
    })
  }
})

describe('plain-HTML pages', () => {
  /** A path the route file answers: `handbook.$regionId._index.tsx` → `/handbook/x`. */
  const samplePath = (file: string) =>
    `/${file
      .replace(/\.tsx?$/, '')
      .split('.')
      .filter((part) => part !== '_index')
      .map((part) => (part === '$' ? 'x/y' : part.startsWith('$') ? 'x' : part.replace(/_$/, '')))
      .join('/')}`.replace(/\/$/, '') || '/'

  it('are exactly the routes that never hydrate: their data is kept from the browser, every other page’s is sent', async () => {
    const plain: string[] = []
    for (const file of routeFiles) {
      const module = (await import(`~/routes/${file}`)) as { handle?: RouteHandle; default?: unknown }
      if (!module.default) continue // a resource route renders no page
      const request = new Request(`http://localhost${samplePath(file)}`)
      expect(isPlainHtmlPage(request), `${file} (${samplePath(file)})`).toBe(module.handle?.hydrate === false)
      if (module.handle?.hydrate === false) plain.push(file)
    }
    expect(plain).toContain('coverage.tsx')
    expect(plain).toContain('handbook.$regionId.$guidelineId.tsx')
  })
})
