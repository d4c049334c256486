import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReadState } from '~/models/handbook.server.ts'

interface ListedPrinciple {
  id: string
  title: string
  guidelines: { id: string; title: string; underReview: boolean }[]
}

/**
 * The region's rules under the principles in HQ's order; `badge` says per rule whether the reader
 * still has to read it. Rendered once per published state of the region (see
 * app/web/handbook-list.server.tsx), with each reader's badges filled in per request.
 */
export function HandbookList({
  regionId,
  principles,
  badge,
}: {
  regionId: string
  principles: ListedPrinciple[]
  badge: (guidelineId: string) => ReactNode
}) {
  const { t } = useTranslation()
  return principles.map((principle) => (
    <section key={principle.id} aria-labelledby={`p-${principle.id}`} className="mb-5">
      <h2 id={`p-${principle.id}`} className="handbook-principle">
        {principle.title}
      </h2>
      <ul className="handbook-list">
        {principle.guidelines.map((g) => (
          <li key={g.id}>
            <a href={`/handbook/${regionId}/${g.id}`}>
              <span>
                {g.title}
                {g.underReview ? (
                  <span className="block text-sm text-stone-700">{t('handbook.beingReviewed')}</span>
                ) : null}
              </span>
              {badge(g.id)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  ))
}

export function ReadBadge({ state }: { state: ReadState }) {
  const { t } = useTranslation()
  if (state === 'read') return <span className="handbook-read">✓ {t('handbook.read')}</span>
  return <span className="handbook-badge">{t(state === 'new' ? 'handbook.new' : 'handbook.changed')}</span>
}
