// The consultation on a principle: comments per region (HQ sees the counts), one level of
// replies, HQ resolves.
import { useTranslation } from 'react-i18next'
import { CommentForm, CommentThreads, type Thread } from '~/components/comments.tsx'

export type ConsultationData = {
  nextVersion: number
  threads: Thread[]
  regionCounts: { regionId: string | null; regionName: string | null; count: number }[] | null
  canComment: boolean
  canResolve: boolean
  regions: { id: string; name: string }[]
  speaksForHq: boolean
}

export function ConsultationSection({ consultation, status }: { consultation: ConsultationData; status: string }) {
  const { t } = useTranslation()
  const { threads, canComment } = consultation
  // HQ is not a region: its own comments and replies are counted apart.
  const regionCounts = consultation.regionCounts?.filter((row) => row.regionId !== null) ?? null
  const hqCount = consultation.regionCounts?.find((row) => row.regionId === null)?.count ?? 0
  return (
    <section aria-labelledby="consultation-title" className="mt-8">
      <h2 id="consultation-title" className="mb-2 text-lg font-semibold">
        {t('comments.title', { version: consultation.nextVersion })}
      </h2>
      {regionCounts ? (
        <div className="mb-4">
          <h3 className="font-medium">{t('comments.perRegion')}</h3>
          {regionCounts.length ? (
            <ul className="flex flex-wrap gap-2" data-testid="region-counts">
              {regionCounts.map((row) => (
                <li key={row.regionId} className="rounded border border-stone-300 bg-white px-2 py-1 text-sm">
                  {row.regionName}: <strong>{row.count}</strong>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-stone-700">{t('comments.noneYet')}</p>
          )}
          {hqCount ? <p className="mt-1 text-sm text-stone-700">{t('comments.fromHq', { count: hqCount })}</p> : null}
        </div>
      ) : null}
      <CommentThreads threads={threads} canComment={canComment} canResolve={consultation.canResolve} />
      {canComment ? (
        <CommentForm regions={consultation.regions} speaksForHq={consultation.speaksForHq} />
      ) : status === 'consultation' ? (
        <p className="text-sm text-stone-700">{t('comments.readOnly')}</p>
      ) : null}
    </section>
  )
}
