import './validation/zod-config.ts'
import { data, type LinksFunction, type MetaFunction } from '@remix-run/node'
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useMatches,
  useRouteLoaderData,
} from '@remix-run/react'
import { useMemo, type ReactNode } from 'react'
import { AppShell } from './components/app-shell.tsx'
import { AbilityContext } from './components/can.tsx'
import { GeneralErrorBoundary } from './components/error-boundary.tsx'
import { useNonce } from './components/nonce.tsx'
import { defineAbilityFor, packAbility } from './permissions/ability.server.ts'
import { abilityFromPackedRules, createAppAbility } from './permissions/ability.ts'
import { countUnread } from './models/notifications.server.ts'
import { getSessionUser } from './web/auth.server.ts'
import { openToAll } from './web/route.server.ts'
import { forServerRenderOnly, isPlainHtmlPage } from './web/plain-html.server.ts'
import { takeFlash } from './web/flash.server.ts'
import { getLanguage } from './web/i18n.server.ts'
import appStyles from './styles/app.css?url'
// The frontline pages' only script, bundled on its own (see app/frontline/enhance.ts).
import frontlineScript from './frontline/enhance.ts?worker&url'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: appStyles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
  { rel: 'manifest', href: '/site.webmanifest' },
]

export const meta: MetaFunction = () => [{ title: 'Leidraad' }]

export const loader = openToAll(async ({ request }) => {
  // The root only describes who is signed in (the sign-in page has no user); every route
  // checks its own access, because loaders run in parallel.
  const [user, language, { flash, headers }] = await Promise.all([
    getSessionUser(request),
    getLanguage(request),
    takeFlash(request),
  ])
  // The bell: one small indexed count per page.
  const unread = user ? await countUnread(user.id) : 0
  const rootData = {
    language,
    flash,
    user: user && {
      name: user.name,
      email: user.email,
      orgRole: user.orgRole,
      mustChangePassword: user.mustChangePassword,
      memberships: user.memberships.map((m) => ({ role: m.role, region: m.region })),
      unread,
    },
    rules: user ? packAbility(defineAbilityFor(user)) : [],
  }
  // A plain-HTML page (the handbook) never hydrates: nothing of this is encoded for the browser.
  return data(isPlainHtmlPage(request) ? forServerRenderOnly(rootData) : rootData, { headers })
})

export type RootLoaderData = typeof loader

/**
 * A route whose handle says `{ hydrate: false }` (the frontline handbook) is sent as plain HTML
 * with one small script instead of React and Remix on the client: it works fully without
 * JavaScript, so the phone at the counter loads a few kilobytes instead of a framework.
 */
export interface RouteHandle {
  hydrate?: false
}

function useHydrate() {
  return !useMatches().some((match) => (match.handle as RouteHandle | undefined)?.hydrate === false)
}

function Document({ language, children }: { language: string; children: ReactNode }) {
  const nonce = useNonce()
  const hydrate = useHydrate()
  return (
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#1d4e89" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen bg-stone-50 text-stone-900 antialiased">
        {children}
        {hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : (
          <script type="module" src={frontlineScript} nonce={nonce} />
        )}
      </body>
    </html>
  )
}

export default function App() {
  const { language, user, rules, flash } = useLoaderData<typeof loader>()
  const ability = useMemo(() => abilityFromPackedRules(rules), [rules])
  return (
    <Document language={language}>
      <AbilityContext ability={ability}>
        <AppShell user={user} flash={flash}>
          <Outlet />
        </AppShell>
      </AbilityContext>
    </Document>
  )
}

export function ErrorBoundary() {
  // Rendered when the root itself failed; route errors render inside the shell (their own boundary).
  const root = useRouteLoaderData<typeof loader>('root')
  const ability = useMemo(() => (root ? abilityFromPackedRules(root.rules) : createAppAbility()), [root])
  return (
    <Document language={root?.language ?? 'nl'}>
      <AbilityContext ability={ability}>
        <AppShell user={root?.user ?? null} flash={null}>
          <GeneralErrorBoundary />
        </AppShell>
      </AbilityContext>
    </Document>
  )
}
