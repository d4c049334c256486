import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/error-boundary.tsx'
import { RichText } from '~/components/rich-text.tsx'
import { renderVersionHtml } from '~/editor/render.server.ts'
import { getPrintableHandbook } from '~/models/handbook.server.ts'
import { requireRegion } from '~/models/region.server.ts'
import { useDateFormat } from '~/utils/dates.ts'
import { signedIn } from '~/web/route.server.ts'
import { forServerRenderOnly } from '~/web/plain-html.server.ts'
import { loadAsDocument } from '~/frontline/load-as-document.ts'
import type { RouteHandle } from '~/root.tsx'

export const handle: RouteHandle = { hydrate: false }
export const clientLoader = loadAsDocument

/** The region's handbook to print: every current guideline in HQ's order, a new page per principle. */
export const loader = signedIn(async ({ ability, params }) => {
  const region = await requireRegion(ability, params.regionId ?? '')
  const principles = await getPrintableHandbook(ability, region.id)
  return forServerRenderOnly({
    region,
    printedAt: new Date(),
    principles: principles.map((p) => ({
      ...p,
      guidelines: p.guidelines.map(({ body, ...v }) => ({ ...v, html: renderVersionHtml(v.id, body) })),
    })),
  })
})

export default function PrintHandbookPage() {
  const { t } = useTranslation()
  const formatDate = useDateFormat('date')
  const { region, printedAt, principles } = useLoaderData<typeof loader>()
  return (
    <article>
      <p className="mb-2 text-sm print:hidden">
        <a href={`/handbook/${region.id}`} className="text-brand-800 underline">
          ← {t('handbook.title', { region: region.name })}
        </a>
      </p>
      <h1 className="text-3xl font-bold tracking-tight">{t('handbook.title', { region: region.name })}</h1>
      <p className="mb-4 text-sm text-stone-700">{t('handbook.printedOn', { date: formatDate(printedAt) })}</p>
      <p className="mb-6 text-sm print:hidden">{t('handbook.printHint')}</p>
      {principles.length ? null : <p>{t('handbook.empty')}</p>}
      {principles.map((principle, index) => (
        <section
          key={principle.id}
          aria-labelledby={`print-${principle.id}`}
          className={index > 0 ? 'print-break mt-10' : 'mt-6'}
        >
          <h2 id={`print-${principle.id}`} className="mb-3 border-b-2 border-stone-800 pb-1 text-2xl font-bold">
            {principle.title}
          </h2>
          {principle.guidelines.map((g) => (
            <section key={g.id} aria-labelledby={`g-${g.id}`} className="print-keep mb-6">
              <h3 id={`g-${g.id}`} className="text-xl font-semibold">
                {g.title}
              </h3>
              <p className="mb-2 text-sm text-stone-700">
                {region.name} · {t('handbook.changedOn', { date: formatDate(g.publishedAt), version: g.number })}
              </p>
              <RichText html={g.html} />
            </section>
          ))}
        </section>
      ))}
    </article>
  )
}

export const ErrorBoundary = GeneralErrorBoundary
