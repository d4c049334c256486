// Customers consulted on a draft: its rounds (with what customers answered and the owner accepted)
// and, for the owner, a form that opens a new round.
import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { useResultFor } from '~/components/action-form.tsx'
import { Button, Field } from '~/components/ui/form.tsx'
import { useDateFormat } from '~/utils/dates.ts'
import { PANEL_QUESTION_MAX } from '~/validation/schemas.ts'

export interface RoundLine {
  id: string
  question1: string
  closesAt: Date | string
  _count: { invitations: number; responses: number }
  responses: { id: string; answer1: string; answer2: string | null }[]
}

export function CustomerPanelSection({ rounds, canOpen }: { rounds: RoundLine[]; canOpen: boolean }) {
  const { t } = useTranslation()
  const formatDate = useDateFormat('date')
  const result = useResultFor('open-panel')
  const errors = (field: string) => result?.error?.[field] ?? undefined
  if (!rounds.length && !canOpen) return null
  const inTwoWeeks = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10)
  return (
    <section aria-labelledby="customer-panel" className="mt-8 rounded border border-stone-300 bg-white p-4">
      <h2 id="customer-panel" className="mb-1 text-lg font-semibold">
        {t('panel.title')}
      </h2>
      <p className="mb-3 max-w-prose text-sm text-stone-700">{t('panel.intro')}</p>
      {rounds.length ? (
        <ul className="mb-4 space-y-2">
          {rounds.map((round) => (
            <li key={round.id} className="rounded border border-stone-200 p-3 text-sm">
              <Link to={`/panels/${round.id}`} className="font-medium text-brand-800 underline">
                {round.question1}
              </Link>{' '}
              ·{' '}
              {t('panel.line', {
                date: formatDate(round.closesAt),
                invited: round._count.invitations,
                answered: round._count.responses,
                accepted: round.responses.length,
              })}
              {round.responses.length ? (
                <ul className="mt-1 list-disc pl-6">
                  {round.responses.slice(0, 5).map((response) => (
                    <li key={response.id}>
                      <q>{response.answer1}</q>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {canOpen ? (
        <Form method="post" className="max-w-xl">
          <Field
            label={t('panel.question1')}
            errors={errors('question1')}
            inputProps={{ id: 'panel-question1', name: 'question1', required: true, maxLength: PANEL_QUESTION_MAX }}
          />
          <Field
            label={t('panel.question2')}
            errors={errors('question2')}
            inputProps={{ id: 'panel-question2', name: 'question2', maxLength: PANEL_QUESTION_MAX }}
          />
          <Field
            label={t('panel.closesOn')}
            errors={errors('closesOn')}
            inputProps={{
              id: 'panel-closes',
              name: 'closesOn',
              type: 'date',
              required: true,
              defaultValue: inTwoWeeks,
            }}
          />
          <Button name="intent" value="open-panel">
            {t('panel.open')}
          </Button>
        </Form>
      ) : null}
    </section>
  )
}
