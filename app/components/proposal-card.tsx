// One proposal in HQ's inbox: the region's rule as proposed, why, what customers said about it,
// how far the region's floor has read it, their feedback — and HQ's two answers.
import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useResultFor } from '~/components/action-form.tsx'
import { RichText } from '~/components/rich-text.tsx'
import { Button, FieldErrors } from '~/components/ui/form.tsx'
import { useDateFormat } from '~/utils/dates.ts'
import { PROPOSAL_NOTE_MAX } from '~/validation/schemas.ts'

export interface ProposalCardData {
  id: string
  kind: string
  status: string
  reason: string | null
  note: string
  versionNumber: number
  createdAt: Date | string
  title: string
  html: string
  guidelineId: string
  region: { name: string }
  principle: { slug: string; title: string }
  resultPrinciple: { slug: string } | null
  createdBy: { name: string } | null
  customerInputs: { id: string; said: string; source: string; heardOn: Date | string }[]
  feedback: { id: string; body: string; createdAt: Date | string }[]
  readRate: { confirmed: number; frontline: number } | null
}

export function ProposalCard({ proposal }: { proposal: ProposalCardData }) {
  const { t } = useTranslation()
  const formatDate = useDateFormat('date')
  const declined = useResultFor('decline', { proposalId: proposal.id })
  const reasonError = declined?.error?.reason ?? undefined
  return (
    <li className="rounded border border-stone-300 bg-white p-4">
      <p className="text-sm text-stone-700">
        <strong className="text-stone-900">{t(`proposals.status.${proposal.status}`)}</strong> ·{' '}
        {t(`proposals.kinds.${proposal.kind}`)} · {t('inbox.from', { region: proposal.region.name })} ·{' '}
        {proposal.createdBy?.name ?? t('users.former')} · {formatDate(proposal.createdAt)}
      </p>
      <h3 className="mt-1 text-lg font-semibold">
        <Link to={`/guidelines/${proposal.guidelineId}`} className="text-brand-800 underline">
          {proposal.title}
        </Link>{' '}
        <span className="text-sm font-normal text-stone-700">
          ({t('proposals.underPrinciple')}{' '}
          <Link to={`/principles/${proposal.principle.slug}`} className="underline">
            {proposal.principle.title}
          </Link>
          )
        </span>
      </h3>
      <p className="my-2 whitespace-pre-line">{proposal.note}</p>
      <details className="mb-2">
        <summary className="cursor-pointer font-medium text-brand-800">
          {t('proposals.text', { version: proposal.versionNumber })}
        </summary>
        <RichText html={proposal.html} className="mt-2" />
      </details>
      <p className="mb-2 text-sm">
        {proposal.readRate?.frontline ? t('proposals.readRate', proposal.readRate) : t('proposals.noFrontline')}
      </p>
      {proposal.customerInputs.length ? (
        <div className="mb-2 text-sm">
          <strong>{t('proposals.customerInput')}</strong>
          <ul className="list-disc pl-6">
            {proposal.customerInputs.map((input) => (
              <li key={input.id}>
                <q>{input.said}</q> ({formatDate(input.heardOn)})
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {proposal.feedback.length ? (
        <div className="mb-2 text-sm">
          <strong>{t('proposals.feedback')}</strong>
          <ul className="list-disc pl-6">
            {proposal.feedback.map((item) => (
              <li key={item.id} className="whitespace-pre-line">
                {item.body}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {proposal.status === 'open' ? (
        <div className="mt-3 flex flex-wrap items-start gap-4 border-t border-stone-200 pt-3">
          <Form method="post">
            <input type="hidden" name="proposalId" value={proposal.id} />
            <Button name="intent" value="accept">
              {t(proposal.kind === 'revision' ? 'proposals.acceptRevision' : 'proposals.acceptNew')}
            </Button>
          </Form>
          <Form method="post" className="min-w-64 flex-1">
            <input type="hidden" name="proposalId" value={proposal.id} />
            <label htmlFor={`reason-${proposal.id}`} className="block text-sm font-medium">
              {t('proposals.reason')}
            </label>
            <textarea
              id={`reason-${proposal.id}`}
              name="reason"
              rows={2}
              required
              maxLength={PROPOSAL_NOTE_MAX}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={reasonError ? `reason-${proposal.id}-error` : undefined}
              className="block w-full rounded border border-stone-400 px-3 py-2"
            />
            <FieldErrors id={`reason-${proposal.id}-error`} errors={reasonError} />
            <Button name="intent" value="decline" variant="secondary" className="mt-2">
              {t('proposals.decline')}
            </Button>
          </Form>
        </div>
      ) : (
        <p className="text-sm">
          {proposal.reason ? (
            <>
              <strong>{t('proposals.reasonFromHq')}</strong> {proposal.reason}
            </>
          ) : proposal.resultPrinciple ? (
            <Link to={`/principles/${proposal.resultPrinciple.slug}`} className="text-brand-800 underline">
              {t('proposals.toDraft')}
            </Link>
          ) : null}
        </p>
      )}
    </li>
  )
}
