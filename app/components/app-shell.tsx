import { Form, NavLink, useLocation } from '@remix-run/react'
import { useEffect, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Flash } from '~/web/flash.server.ts'
import { ANY_REGION, can } from '~/permissions/ability.ts'
import { useAbility } from './can.tsx'
import { OfflineBanner } from './offline-banner.tsx'
import { FlashMessage } from './ui/flash-message.tsx'

interface ShellUser {
  name: string
  orgRole: string | null
  memberships: unknown[]
  /** Unread notifications (the bell). */
  unread: number
}

/** Header, role-aware navigation, language switch and sign-out around every page. */
export function AppShell({
  user,
  flash,
  children,
}: {
  user: ShellUser | null
  flash: Flash | null
  children: ReactNode
}) {
  const { t, i18n } = useTranslation()
  const location = useLocation()
  const ability = useAbility()
  const here = location.pathname + location.search
  useFocusOnResult(location.key, location.hash, Boolean(flash))
  const otherLanguage = i18n.language === 'en' ? 'nl' : 'en'

  const links = user
    ? [
        { to: '/', label: t('nav.home'), show: true },
        { to: '/handbook', label: t('nav.handbook'), show: user.memberships.length > 0 },
        { to: '/principles', label: t('nav.principles'), show: true },
        { to: '/coverage', label: t('nav.coverage'), show: ability.can('readDraft', 'Guideline') },
        {
          to: '/signals',
          label: t('nav.signals'),
          show: can(ability, 'read', 'CustomerSignal', { regionId: ANY_REGION }),
        },
        {
          to: '/inbox',
          label: t('nav.inbox'),
          show: can(ability, 'read', 'Feedback', {
            regionId: ANY_REGION,
            authorId: ANY_REGION,
            passedToHqAt: new Date(),
          }),
        },
        { to: '/regions', label: t('nav.regions'), show: ability.can('read', 'Region') },
        { to: '/users', label: t('nav.users'), show: ability.can('create', 'User') },
        { to: '/audit', label: t('nav.audit'), show: ability.can('read', 'AuditEvent') },
        { to: '/tone', label: t('nav.tone'), show: ability.can('update', 'PhraseFamily') },
        { to: '/search-words', label: t('nav.searchWords'), show: ability.can('update', 'SearchSynonym') },
        { to: '/gaps', label: t('nav.gaps'), show: can(ability, 'read', 'SearchMiss', { regionId: ANY_REGION }) },
        { to: '/mail', label: t('nav.mail'), show: ability.can('read', 'Mail') },
        { to: '/account/password', label: t('nav.account'), show: true },
      ].filter((link) => link.show)
    : []

  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-brand-800 focus:ring-2 focus:ring-brand-700"
      >
        {t('nav.skip')}
      </a>
      <header className="bg-brand-800 text-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
          <NavLink to="/" className="text-lg font-bold tracking-tight">
            {t('app.name')}
          </NavLink>
          {user ? <span className="sr-only">{t('nav.signedInAs', { name: user.name })}</span> : null}
          <div className="ml-auto flex items-center gap-2 text-sm">
            <Form method="post" action="/language">
              <input type="hidden" name="language" value={otherLanguage} />
              <input type="hidden" name="redirectTo" value={here} />
              <button
                type="submit"
                lang={otherLanguage}
                className="rounded px-2 py-1 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-white"
              >
                {t('nav.switchTo')}
              </button>
            </Form>
            {user ? (
              <NavLink
                to="/notifications"
                aria-label={t('notifications.bell', { count: user.unread })}
                className="inline-flex items-center gap-1 rounded px-2 py-1 hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-white"
              >
                <svg
                  aria-hidden="true"
                  viewBox="0 0 24 24"
                  className="h-5 w-5 fill-none stroke-current"
                  strokeWidth="2"
                >
                  <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
                  <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
                </svg>
                {user.unread ? (
                  <span
                    aria-hidden="true"
                    className="min-w-5 rounded-full bg-amber-300 px-1.5 text-center text-xs font-bold text-stone-900"
                  >
                    {user.unread}
                  </span>
                ) : null}
              </NavLink>
            ) : null}
            {user ? (
              <Form method="post" action="/logout">
                <button
                  type="submit"
                  className="rounded border border-white/60 px-2 py-1 hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-white"
                >
                  {t('nav.signOut')}
                </button>
              </Form>
            ) : null}
          </div>
        </div>
        {links.length ? (
          <nav aria-label={t('nav.main')} className="bg-brand-900/40">
            {/* On a phone the menu folds away behind one button (no JavaScript needed); wider, it is one row. */}
            <details className="group mx-auto max-w-5xl px-2 text-sm sm:hidden">
              <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 px-3 py-2 font-semibold focus-visible:outline-2 focus-visible:outline-white [&::-webkit-details-marker]:hidden">
                <span aria-hidden="true" className="inline-block transition-transform group-open:rotate-90">
                  ▸
                </span>
                {t('nav.menu')}
              </summary>
              <NavLinks links={links} className="flex flex-col pb-2" />
            </details>
            <NavLinks links={links} className="mx-auto hidden max-w-5xl flex-wrap gap-1 px-2 text-sm sm:flex" />
          </nav>
        ) : null}
      </header>
      <OfflineBanner />
      <main id="main" tabIndex={-1} className="mx-auto max-w-5xl px-4 py-6 focus:outline-none">
        {flash ? <FlashMessage flash={flash} /> : null}
        {children}
      </main>
    </>
  )
}

/**
 * After an action, focus goes to its result rather than the top of the page: the element the
 * redirect named (`#comment-…`, the new customer input) or else the message that says what
 * happened. Screen readers read it; keyboard users continue from there. (Pages without React do
 * the same in app/frontline/enhance.ts.)
 */
function useFocusOnResult(navigation: string, hash: string, hasFlash: boolean) {
  useEffect(() => {
    const named = hash ? document.getElementById(decodeURIComponent(hash.slice(1))) : null
    const target = named ?? (hasFlash ? document.getElementById('flash') : null)
    target?.focus()
  }, [navigation, hash, hasFlash])
}

function NavLinks({ links, className }: { links: { to: string; label: string }[]; className: string }) {
  return (
    <ul className={className}>
      {links.map((link) => (
        <li key={link.to}>
          <NavLink
            to={link.to}
            end={link.to === '/'}
            className={({ isActive }) =>
              `block whitespace-nowrap px-3 py-2 focus-visible:outline-2 focus-visible:outline-white ${
                isActive ? 'border-b-2 border-white font-semibold' : 'text-white/90 hover:text-white'
              }`
            }
          >
            {link.label}
          </NavLink>
        </li>
      ))}
    </ul>
  )
}
