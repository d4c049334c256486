import { redirect } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { PageTitle } from '~/components/ui/form.tsx'
import { startPage, type TodoSection } from '~/models/home.server.ts'
import { useDateFormat } from '~/utils/dates.ts'
import { signedIn } from '~/web/route.server.ts'

export const loader = signedIn(async ({ user, ability }) => {
  const page = await startPage(ability, user)
  // Whoever reads only published guidelines (frontline) comes for the handbook: straight there.
  if (page.kind === 'handbook') throw redirect('/handbook')
  return { ...page, name: user.name, orgRole: user.orgRole }
})

type Data = ReturnType<typeof useLoaderData<typeof loader>>
type Item = NonNullable<Data['todo'][TodoSection]>[number]

/** The order of the to-do sections: what blocks others first. */
const SECTIONS: TodoSection[] = [
  'approval',
  'needsReview',
  'decisionReview',
  'sentBack',
  'feedback',
  'signals',
  'inbox',
  'proposals',
  'replies',
  'consultation',
  'lowRead',
  'reviewDue',
  'behind',
  'noRegion',
  'deactivatedOpen',
]
const SHOWN = 8

/** Where each item of a section takes you. */
const linkTo: Record<TodoSection, (item: Item) => string> = {
  needsReview: (i) => `/guidelines/${i.id}/review`,
  decisionReview: (i) => `/regions/${i.ref}/guidelines#p-${i.id}`,
  approval: (i) => `/guidelines/${i.id}`,
  feedback: (i) => `/regions/${i.ref}/feedback`,
  signals: (i) => `/regions/${i.ref}/signals?guideline=${i.id}`,
  proposals: () => '/inbox',
  reviewDue: (i) => `/guidelines/${i.id}`,
  lowRead: (i) => `/guidelines/${i.id}/readers`,
  sentBack: (i) => `/guidelines/${i.id}`,
  replies: (i) => `/guidelines/${i.id}#team-comments`,
  consultation: (i) => `/principles/${i.ref}#consultation-title`,
  inbox: () => '/inbox',
  behind: (i) => `/regions/${i.id}/guidelines`,
  noRegion: (i) => `/users/${i.id}`,
  deactivatedOpen: (i) => `/users/${i.id}`,
}

export default function Home() {
  const { t } = useTranslation()
  const { name, orgRole, memberships, todo, roles } = useLoaderData<typeof loader>()
  const sections = SECTIONS.filter((section) => todo[section]?.length)
  return (
    <>
      <PageTitle>{t('home.title', { name })}</PageTitle>
      {orgRole ? <p className="mb-4">{t('home.orgRole', { role: t(`roles.${orgRole}`) })}</p> : null}
      <section aria-labelledby="todo-title" className="mb-8">
        <h2 id="todo-title" className="mb-2 text-xl font-semibold">
          {t('home.todo.title')}
        </h2>
        {sections.length ? (
          <div className="grid gap-4 md:grid-cols-2">
            {sections.map((section) => (
              <TodoList key={section} section={section} items={todo[section]!} hq={roles.hq} />
            ))}
          </div>
        ) : (
          <p className="rounded border border-stone-300 bg-white p-4">{t('home.todo.nothing')}</p>
        )}
      </section>
      {memberships.length ? (
        <section aria-labelledby="my-regions" className="mb-6">
          <h2 id="my-regions" className="mb-2 text-lg font-semibold">
            {t('home.yourRegions')}
          </h2>
          <ul className="divide-y divide-stone-200 rounded border border-stone-300 bg-white">
            {memberships.map((m) => (
              <li key={m.region.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                <Link
                  to={m.workspace ? `/regions/${m.region.id}/guidelines` : `/regions/${m.region.id}`}
                  className="font-medium text-brand-800 underline"
                >
                  {m.region.name}
                </Link>
                <span className="text-sm text-stone-700">{t(`roles.${m.role}`)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : orgRole ? null : (
        <p className="mb-6">{t('home.noRegions')}</p>
      )}
      <p>
        <Link to="/principles" className="font-medium text-brand-800 underline">
          {t('home.allPrinciples')}
        </Link>
      </p>
    </>
  )
}

function TodoList({ section, items, hq }: { section: TodoSection; items: Item[]; hq: boolean }) {
  const { t } = useTranslation()
  const formatDate = useDateFormat('date')
  const heading = section === 'consultation' && hq ? 'consultationHq' : section
  const line = (item: Item) => {
    const values = {
      title: item.title ?? '',
      region: item.region ?? '',
      date: item.at ? formatDate(item.at) : '',
      count: item.n ?? 0,
      total: item.total ?? 0,
    }
    // The region's name travels in `ref` (HQ belongs to no region, so `region` is empty).
    if (section === 'proposals') return t('home.todo.items.proposals', { ...values, from: item.ref ?? '' })
    if (section === 'consultation')
      return t(hq ? 'home.todo.items.consultationHq' : 'home.todo.items.consultation', values)
    if (section === 'reviewDue') {
      return t(
        item.at && new Date(item.at).getTime() < Date.now()
          ? 'home.todo.items.reviewPassed'
          : 'home.todo.items.reviewSoon',
        values,
      )
    }
    if (section === 'behind') {
      return [
        item.n ? t('home.todo.items.behindCoverage', { ...values, count: item.n }) : null,
        item.total !== null ? t('home.todo.items.behindReading', { ...values, percent: item.total }) : null,
      ]
        .filter(Boolean)
        .join(' · ')
    }
    return t(`home.todo.items.${section}`, values)
  }
  return (
    <section aria-labelledby={`todo-${section}`} className="rounded border border-stone-300 bg-white p-4">
      <h3 id={`todo-${section}`} className="mb-2 font-semibold">
        {t(`home.todo.sections.${heading}`)}{' '}
        <span className="rounded-full bg-brand-50 px-2 text-sm text-brand-800">
          {section === 'inbox' ? (items[0]?.total ?? 0) : items.length}
        </span>
      </h3>
      <ul className="space-y-1">
        {items.slice(0, SHOWN).map((item) => (
          <li key={`${item.id}-${item.ref}`}>
            <Link to={linkTo[section](item)} className="text-brand-800 underline">
              {section === 'behind' || section === 'noRegion' || section === 'deactivatedOpen'
                ? item.title
                : line(item)}
            </Link>
            {section === 'behind' || section === 'noRegion' || section === 'deactivatedOpen' ? (
              <span className="block text-sm text-stone-700">{section === 'noRegion' ? item.ref : line(item)}</span>
            ) : item.region && section !== 'feedback' ? (
              <span className="block text-sm text-stone-700">{item.region}</span>
            ) : null}
          </li>
        ))}
      </ul>
      {items.length > SHOWN ? (
        <p className="mt-2 text-sm text-stone-700">{t('home.todo.more', { count: items.length - SHOWN })}</p>
      ) : null}
    </section>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
