// HQ's controls on a principle page: edit, consultation, publish, archive. Shown by ability;
// the server checks every step again.
import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, Field, FormErrors } from '~/components/ui/form.tsx'
import type { PrincipleStatus } from '~/generated/prisma/enums.ts'
import { isoDateInOrganisation } from '~/utils/dates.ts'
import { ConsultationSchema } from '~/validation/schemas.ts'
import { useResultFor } from '~/components/action-form.tsx'

type PanelPrinciple = { id: string; status: PrincipleStatus; revision: number; publishedVersion: number }

const DEFAULT_CONSULTATION_DAYS = 14

/** What the user may do (from the loader, the domain's principleActions). */
type May = { update: boolean; archive: boolean; publish: boolean }

export function LifecyclePanel({ principle, may }: { principle: PanelPrinciple; may: May }) {
  const { t } = useTranslation()
  const results = [useResultFor('close-consultation'), useResultFor('archive'), useResultFor('restore')]
  const stepResult = results.find(Boolean)
  if (!may.update && !may.archive) return null

  return (
    <section aria-label={t('principles.hqActions')} className="mb-6 rounded border border-stone-300 bg-white p-4">
      <FormErrors errors={stepResult?.error?.[''] ?? undefined} />
      <div className="flex flex-wrap gap-2">
        {principle.status !== 'archived' && may.update ? (
          <Link
            to="edit"
            className="inline-flex min-h-11 items-center rounded bg-brand-800 px-4 py-2 font-medium text-white"
          >
            {principle.status === 'published' ? t('principles.startRevision') : t('principles.edit')}
          </Link>
        ) : null}
        <Form method="post" className="contents">
          {principle.status === 'consultation' ? (
            <Button variant="secondary" name="intent" value="close-consultation">
              {t('principles.closeConsultation')}
            </Button>
          ) : null}
          {principle.status !== 'archived' && may.archive ? (
            <Button variant="danger" name="intent" value="archive">
              {t('principles.archive')}
            </Button>
          ) : null}
          {principle.status === 'archived' && may.archive ? (
            <Button variant="secondary" name="intent" value="restore">
              {t('principles.restore')}
            </Button>
          ) : null}
        </Form>
      </div>
      {principle.status === 'draft' ? <OpenConsultationForm /> : null}
    </section>
  )
}

function OpenConsultationForm() {
  const { t } = useTranslation()
  const [form, fields] = useForm({
    id: 'open-consultation',
    lastResult: useResultFor('open-consultation'),
    defaultValue: { endsAt: isoDateInOrganisation(new Date(Date.now() + DEFAULT_CONSULTATION_DAYS * 86_400_000)) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ConsultationSchema }),
  })
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 max-w-sm">
      <h2 className="mb-2 font-semibold">{t('principles.openConsultation')}</h2>
      <FormErrors errors={form.errors} />
      <Field
        label={t('principles.consultationEnds')}
        errors={fields.endsAt.errors}
        inputProps={getInputProps(fields.endsAt, { type: 'date' })}
      />
      <Button name="intent" value="open-consultation">
        {t('principles.openConsultation')}
      </Button>
    </Form>
  )
}
