// A published guideline beyond its region: where it came from (another region's example), sharing
// it as an example for all regions, proposing it to HQ, and what HQ decided.
import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useResultFor } from '~/components/action-form.tsx'
import { Button, FieldErrors } from '~/components/ui/form.tsx'
import { useDateFormat } from '~/utils/dates.ts'
import { PROPOSAL_KINDS, PROPOSAL_NOTE_MAX } from '~/validation/schemas.ts'

export interface ExampleSource {
  id: string
  title: string
  region: { name: string }
  principle: { slug: string }
  copiedVersion: number | null
  newer: boolean
  publishedVersion: number
}

export interface ProposalLine {
  id: string
  kind: string
  versionNumber: number
  note: string
  status: string
  reason: string | null
  createdAt: Date | string
  decidedAt: Date | string | null
}

/** "Started from region Zuid's example …", and whether that example has changed since. */
export function ExampleAttribution({ source }: { source: ExampleSource }) {
  const { t } = useTranslation()
  return (
    <p className="mb-4 rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 text-sm">
      {t('examples.basedOn', { region: source.region.name, version: source.copiedVersion })}{' '}
      <Link to={`/principles/${source.principle.slug}#example-${source.id}`} className="text-brand-800 underline">
        {source.title}
      </Link>
      {source.newer ? (
        <strong className="block">{t('examples.newerVersion', { version: source.publishedVersion })}</strong>
      ) : null}
    </p>
  )
}

export function ShareAndPropose({
  shared,
  canShare,
  canPropose,
  proposals,
}: {
  shared: boolean
  canShare: boolean
  canPropose: boolean
  proposals: ProposalLine[]
}) {
  const { t } = useTranslation()
  const formatDate = useDateFormat('date')
  const result = useResultFor('propose')
  const open = proposals.some((p) => p.status === 'open')
  if (!canShare && !canPropose && !proposals.length) return null
  return (
    <section aria-labelledby="beyond-region" className="mt-8 rounded border border-stone-300 bg-white p-4">
      <h2 id="beyond-region" className="mb-2 text-lg font-semibold">
        {t('examples.beyondRegion')}
      </h2>
      {canShare ? (
        <Form method="post" className="mb-4">
          <p className="mb-2 text-sm text-stone-700">{t(shared ? 'examples.sharedNote' : 'examples.shareNote')}</p>
          <Button name="intent" value={shared ? 'unshare' : 'share'} variant="secondary">
            {t(shared ? 'examples.unshare' : 'examples.share')}
          </Button>
        </Form>
      ) : null}
      {proposals.length ? (
        <ul className="mb-4 space-y-2">
          {proposals.map((proposal) => (
            <li key={proposal.id} className="rounded border border-stone-200 p-3 text-sm">
              <strong>{t(`proposals.status.${proposal.status}`)}</strong> · {t(`proposals.kinds.${proposal.kind}`)} ·{' '}
              {t('proposals.versionOn', { version: proposal.versionNumber, date: formatDate(proposal.createdAt) })}
              <p className="mt-1 whitespace-pre-line">{proposal.note}</p>
              {proposal.reason ? (
                <p className="mt-1">
                  <strong>{t('proposals.reasonFromHq')}</strong> {proposal.reason}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {canPropose && !open ? (
        <Form method="post">
          <fieldset className="mb-3">
            <legend className="mb-1 font-medium">{t('proposals.propose')}</legend>
            {PROPOSAL_KINDS.map((kind) => (
              <label key={kind} className="flex min-h-11 items-center gap-2">
                <input type="radio" name="kind" value={kind} defaultChecked={kind === 'revision'} />
                {t(`proposals.kinds.${kind}`)}
              </label>
            ))}
            <FieldErrors id="proposal-kind-error" errors={result?.error?.kind ?? undefined} />
          </fieldset>
          <label htmlFor="proposal-note" className="mb-1 block font-medium">
            {t('proposals.note')}
          </label>
          <textarea
            id="proposal-note"
            name="note"
            rows={3}
            required
            maxLength={PROPOSAL_NOTE_MAX}
            aria-invalid={result?.error?.note ? true : undefined}
            aria-describedby={result?.error?.note ? 'proposal-note-error' : undefined}
            className="mb-1 block w-full rounded border border-stone-400 px-3 py-2"
          />
          <FieldErrors id="proposal-note-error" errors={result?.error?.note ?? undefined} />
          <Button name="intent" value="propose" className="mt-2">
            {t('proposals.send')}
          </Button>
        </Form>
      ) : null}
    </section>
  )
}
